using ClinicBlog.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(80);
        builder.Property(m => m.OriginalName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(40);
        builder.Property(m => m.VariantWidths).HasMaxLength(40).HasDefaultValue(string.Empty);
        builder.HasIndex(m => m.FileName).IsUnique();
        builder.Property(m => m.ImportKey).HasMaxLength(600);
        builder.HasIndex(m => m.ImportKey).IsUnique();
        builder.HasIndex(m => m.CreatedAt);
    }
}
