using System.Globalization;
using System.Text;
using ClinicBlog.Core.Import;

namespace ClinicBlog.Web.Commands;

/// <summary>The import report as plain text, for the command line.</summary>
internal static class ImportReportText
{
    public static string Write(ImportReport report)
    {
        var text = new StringBuilder();
        if (!report.Succeeded)
        {
            text.AppendLine("Import refused; nothing was changed.").AppendLine(report.Failure);
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Imported from {report.Site ?? "the export"} in {report.Duration.TotalSeconds:0.0} s.");
        text.AppendLine(report.Summary() + ".");
        foreach (var note in report.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"line {note.Line}: {note.Text}");
        }

        if (report.NotesLeftOut > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {report.NotesLeftOut} more notes.");
        }

        if (report.ImagesLeft.Count > 0)
        {
            text.AppendLine("Images still pointing at the old site, which readers do not see (the blog loads nothing from other sites); import again with --uploads <copy of wp-content/uploads> to bring them in:");
            foreach (var url in report.ImagesLeft)
            {
                text.AppendLine("  " + url);
            }

            if (report.ImagesLeftOut > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … and {report.ImagesLeftOut} more.");
            }
        }

        text.AppendLine("If the blog is running, restart it so it serves the new redirects and pages at once (an import from /admin/import needs no restart).");
        return text.ToString();
    }
}
