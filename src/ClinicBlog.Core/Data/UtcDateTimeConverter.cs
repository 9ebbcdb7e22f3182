using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicBlog.Core.Data;

/// <summary>Stores <see cref="DateTime"/> as UTC and marks values read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
