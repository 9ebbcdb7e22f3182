namespace ClinicBlog.Core.Pages;

public enum MenuLocation
{
    Header = 0,
    Footer = 1,
}
