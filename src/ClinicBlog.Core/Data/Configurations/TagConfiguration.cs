using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
