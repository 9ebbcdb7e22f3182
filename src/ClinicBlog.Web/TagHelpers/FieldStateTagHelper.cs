using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClinicBlog.Web.TagHelpers;

/// <summary><c>field-state="Title"</c> on an input, textarea or select: <c>aria-invalid</c> (and the
/// <c>input-validation-error</c> class) from ModelState, so assistive technology hears which field is wrong.</summary>
[HtmlTargetElement("input", Attributes = "field-state", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = "field-state")]
[HtmlTargetElement("select", Attributes = "field-state")]
public sealed class FieldStateTagHelper : TagHelper
{
    /// <summary>The ModelState key, which is the posted field's name.</summary>
    [HtmlAttributeName("field-state")]
    public string Field { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = FieldStates.ErrorFor(ViewContext, Field) is not null;
        output.Attributes.SetAttribute("aria-invalid", invalid ? "true" : "false");
        if (invalid)
        {
            output.AddClass("input-validation-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}
