namespace ClinicBlog.Core.Data;

/// <summary>An entity whose creation and update times are stamped on save.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
