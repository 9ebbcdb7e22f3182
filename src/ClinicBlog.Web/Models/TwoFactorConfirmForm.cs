namespace ClinicBlog.Web.Models;

/// <summary>One of the account page's two-factor confirmation forms (turn off, or move to a new key).</summary>
/// <param name="Prefix">The form's field prefix, which its action binds (<c>Off</c> or <c>Reset</c>).</param>
/// <param name="Action">Where the form posts.</param>
/// <param name="Heading">The fieldset's legend.</param>
/// <param name="Button">The submit button's text.</param>
public sealed record TwoFactorConfirmForm(string Prefix, string Action, string Heading, string Button);
