using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Reads responses as a browser would and submits the page's real forms.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request
            .Content(content)
            .Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    /// <summary>Submits like <see cref="SubmitAsync"/> and fails the test unless the page the browser lands on
    /// (after the redirect that follows a successful staff action) answers 200.</summary>
    public static async Task SubmitExpectingSuccessAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? fields = null, string? submitButton = null)
    {
        using var response = await client.SubmitAsync(form, fields, submitButton);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK,
            $"{form.Action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Fills the named fields of <paramref name="form"/> and submits it with every other field
    /// (hidden antiforgery token included) as the page rendered it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? fields = null, string? submitButton = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            var radios = form.Elements.OfType<IHtmlInputElement>().Where(e => e.Type == "radio" && e.Name == name).ToList();
            if (radios.Count > 0)
            {
                // Choosing a radio button: tick the one with that value, as a person would.
                var chosen = radios.SingleOrDefault(r => r.Value == value) ?? throw new InvalidOperationException($"No {name} option has the value {value}.");
                radios.ForEach(r => r.IsChecked = r == chosen);
                continue;
            }

            switch (form.Elements[name])
            {
                case IHtmlInputElement { Type: "checkbox" } checkbox:
                    checkbox.IsChecked = value == "true";
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
                default:
                    throw new InvalidOperationException($"The form has no field named {name}.");
            }
        }

        // A named submit button (with its formaction) is part of the submission, as in a browser.
        var button = submitButton is null
            ? null
            : form.Owner!.QuerySelector<IHtmlButtonElement>(submitButton) ?? throw new InvalidOperationException($"No button matches {submitButton}.");
        var submission = (button is null ? form.GetSubmission() : form.GetSubmission(button)) ?? throw new InvalidOperationException("The form cannot be submitted.");
        using var body = new MemoryStream();
        await submission.Body.CopyToAsync(body);
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(submission.MimeType!);
        using var request = new HttpRequestMessage(new HttpMethod(submission.Method.ToString().ToUpperInvariant()), submission.Target.Href)
        {
            Content = content,
        };
        return await client.SendAsync(request);
    }

    public static IHtmlFormElement Form(this IDocument document, string selector) =>
        document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches {selector}.");
}
