using ClinicBlog.Core.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class CommenterBanConfiguration : IEntityTypeConfiguration<CommenterBan>
{
    public void Configure(EntityTypeBuilder<CommenterBan> builder)
    {
        builder.Property(b => b.Email).HasMaxLength(CommentOptions.MaxEmailLength);
        builder.Property(b => b.IpHash).HasMaxLength(64);
        builder.Property(b => b.Reason).HasMaxLength(CommenterBan.ReasonMaxLength);
        builder.HasIndex(b => b.Email);
        builder.HasIndex(b => b.IpHash);
    }
}
