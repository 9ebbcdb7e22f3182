using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClinicBlog.Web.TagHelpers;

/// <summary><c>&lt;field-error for="Title" id="Title-error" /&gt;</c>: the message for a field, next to it,
/// from ModelState (empty when the field is fine, so <c>aria-describedby</c> always finds its element).
/// The one place forms show a field's error.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>The ModelState key, which is the posted field's name.</summary>
    public string For { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("field-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("data-error-for", For);
        output.Content.SetContent(FieldStates.ErrorFor(ViewContext, For) ?? string.Empty);
    }
}
