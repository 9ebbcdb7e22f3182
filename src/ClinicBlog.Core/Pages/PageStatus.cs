namespace ClinicBlog.Core.Pages;

public enum PageStatus
{
    Draft = 0,
    Published = 1,
}
