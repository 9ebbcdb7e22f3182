namespace ClinicBlog.Web.Models;

/// <summary>One of the account page's two-factor confirmation forms (turn off, or move to a new key): its
/// fields, and where and how it posts. Rendered with <c>&lt;partial for="Off"&gt;</c>, so the fields carry the
/// prefix their action binds.</summary>
public sealed class TwoFactorConfirmForm : TwoFactorConfirmViewModel
{
    public TwoFactorConfirmForm(string action, string heading, string button)
    {
        Action = action;
        Heading = heading;
        Button = button;
    }

    /// <summary>Where the form posts.</summary>
    public string Action { get; }

    /// <summary>The fieldset's legend.</summary>
    public string Heading { get; }

    /// <summary>The submit button's text.</summary>
    public string Button { get; }
}
