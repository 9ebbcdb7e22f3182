using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(Author.DisplayNameMaxLength);
        builder.Property(a => a.Slug).HasMaxLength(Content.SlugGenerator.MaxStoredLength);
        builder.Property(a => a.Credentials).HasMaxLength(Author.CredentialsMaxLength);
        builder.Property(a => a.Bio).HasMaxLength(Author.BioMaxLength);
        builder.Property(a => a.Photo).HasMaxLength(80);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.ImportKey).HasMaxLength(300);
        builder.HasIndex(a => a.ImportKey).IsUnique();
    }
}
