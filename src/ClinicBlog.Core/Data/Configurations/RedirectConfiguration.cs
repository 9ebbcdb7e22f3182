using ClinicBlog.Core.Redirects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.Property(r => r.FromPath).HasMaxLength(Redirect.FromMaxLength);
        builder.Property(r => r.ToUrl).HasMaxLength(Redirect.ToMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.HasIndex(r => r.FromPath).IsUnique();
    }
}
