using ClinicBlog.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientEmail).HasMaxLength(256);
        builder.Property(n => n.Subject).HasMaxLength(400);
        builder.Property(n => n.LastError).HasMaxLength(300);
        // Serves the sender (what is due) and the admin list (newest first).
        builder.HasIndex(n => new { n.State, n.NextAttemptAt });
        builder.HasIndex(n => n.CreatedAt);
    }
}
