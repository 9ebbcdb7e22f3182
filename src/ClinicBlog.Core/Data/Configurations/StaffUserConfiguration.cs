using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.HasOne(u => u.Author).WithMany()
            .HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.AuthorId).IsUnique();
        // The notification switches are on for every account; the migration sets them on for existing ones.

    }
}
