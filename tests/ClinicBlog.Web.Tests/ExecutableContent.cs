using System.Text.Json;
using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Finds anything in a parsed page that a browser could run: script elements (reader pages have
/// no JavaScript, so only JSON-LD data blocks may appear, and they must be valid JSON; staff pages may load
/// the blog's own scripts from /js/, with nothing inline), event-handler attributes, script URLs, and
/// elements that load or frame other documents.</summary>
public static class ExecutableContent
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc", "srcset", "ping", "codebase", "cite"];

    private static readonly string[] ForbiddenElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "isindex"];

    /// <summary>The blog's own file under /js/ (with its version stamp), nothing inline: the staff editor's script.</summary>
    private static bool IsOwnStaffScript(IElement script) =>
        System.Text.RegularExpressions.Regex.IsMatch(script.GetAttribute("src") ?? string.Empty, @"^/js/[a-z-]+(\.[a-z0-9]+)?\.js$")
        && script.TextContent.Length == 0
        && script.GetAttribute("type") is null;

    public static IReadOnlyList<string> Problems(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        foreach (var script in page.QuerySelectorAll("script"))
        {
            if (IsOwnStaffScript(script))
            {
                continue;
            }

            if (script.GetAttribute("type") != "application/ld+json" || script.HasAttribute("src"))
            {
                problems.Add("script element: " + Short(script.OuterHtml));
                continue;
            }

            try
            {
                using var _ = JsonDocument.Parse(script.TextContent);
            }
            catch (JsonException)
            {
                problems.Add("JSON-LD that is not JSON (broken out of?): " + Short(script.TextContent));
            }
        }

        foreach (var element in page.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (ForbiddenElements.Contains(name) || (name == "meta" && element.HasAttribute("http-equiv")))
            {
                problems.Add($"<{name}> element: " + Short(element.OuterHtml));
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"event handler {attribute.Name} on <{name}>: " + Short(element.OuterHtml));
                }

                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsScriptUrl(attribute.Value, name, attribute.Name))
                {
                    problems.Add($"script URL in {attribute.Name} of <{name}>: " + Short(attribute.Value));
                }

                if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase)
                    && (attribute.Value.Contains("expression(", StringComparison.OrdinalIgnoreCase) || attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"script in a style attribute of <{name}>: " + Short(attribute.Value));
                }
            }
        }

        return problems;
    }

    /// <summary>As a browser reads a URL: control characters and whitespace dropped, case ignored.</summary>
    private static bool IsScriptUrl(string value, string element, string attribute)
    {
        var squeezed = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c != '\u200B').ToArray()).ToLowerInvariant();
        if (squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal))
        {
            return true;
        }

        // data: URLs may only be images shown by <img>.
        return squeezed.StartsWith("data:", StringComparison.Ordinal)
            && !(element == "img" && attribute == "src" && squeezed.StartsWith("data:image/", StringComparison.Ordinal) && !squeezed.StartsWith("data:image/svg", StringComparison.Ordinal));
    }

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
