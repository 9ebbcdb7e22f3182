using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The menu page: the header and footer links, and the "add a link" form as typed.</summary>
public sealed class MenuEditorViewModel : MenuInput
{
    public MenuEditorViewModel(MenuInput input, IReadOnlyList<MenuLink> header, IReadOnlyList<MenuLink> footer, IReadOnlyList<MenuChoice> choices)
    {
        CopyFrom(input);
        Header = header;
        Footer = footer;
        Choices = choices;
    }

    public IReadOnlyList<MenuLink> Header { get; }

    public IReadOnlyList<MenuLink> Footer { get; }

    public IReadOnlyList<MenuChoice> Choices { get; }

    public string? Message { get; init; }
}
