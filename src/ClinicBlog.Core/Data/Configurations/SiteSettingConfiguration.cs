using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<Settings.SiteSetting>
{
    public void Configure(EntityTypeBuilder<Settings.SiteSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(Settings.SiteSetting.ValueMaxLength);
    }
}