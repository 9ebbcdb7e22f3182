namespace ClinicBlog.Core.Pages;

/// <summary>Something staff can put in the menu: its label and address.</summary>
public sealed record MenuChoice(string Label, string Url);
