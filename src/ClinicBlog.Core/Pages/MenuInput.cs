namespace ClinicBlog.Core.Pages;

/// <summary>The "add a link" form as typed.</summary>
public class MenuInput
{
    /// <summary>The <see cref="Target"/> value meaning "the address typed in <see cref="OtherUrl"/>".</summary>
    public const string OtherAddress = "other";

    public MenuLocation Location { get; set; }

    /// <summary>The chosen address (a <see cref="MenuChoice.Url"/>) or <see cref="OtherAddress"/>.</summary>
    public string? Target { get; set; }

    public string? OtherUrl { get; set; }

    public string? Label { get; set; }

    public void CopyFrom(MenuInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Location = other.Location;
        Target = other.Target;
        OtherUrl = other.OtherUrl;
        Label = other.Label;
    }
}
