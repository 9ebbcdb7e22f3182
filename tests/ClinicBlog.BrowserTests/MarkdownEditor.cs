using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The post editor as a person uses it: the CodeMirror text area labelled "Text (Markdown)".</summary>
internal static class MarkdownEditor
{
    public static ILocator Text(IPage page) => page.GetByLabel("Text (Markdown)");

    /// <summary>Replaces the whole text as typing or pasting would (select all, then insert).</summary>
    public static async Task ReplaceTextAsync(IPage page, string text)
    {
        await Text(page).FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>The Markdown the form will send: the form's own field, kept in step with the editor.</summary>
    public static Task<string> ValueAsync(IPage page) => page.Locator("#Body").InputValueAsync();
}
