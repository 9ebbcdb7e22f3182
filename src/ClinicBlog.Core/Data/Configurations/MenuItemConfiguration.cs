using ClinicBlog.Core.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.Property(m => m.Label).HasMaxLength(MenuItem.LabelMaxLength);
        builder.Property(m => m.Url).HasMaxLength(MenuItem.UrlMaxLength);
        builder.HasIndex(m => new { m.Location, m.Position });
    }
}