using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.Property(a => a.Credentials).HasMaxLength(150);
        builder.Property(a => a.Bio).HasMaxLength(4_000);
        builder.Property(a => a.Photo).HasMaxLength(80);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}
