namespace ClinicBlog.Core;

/// <summary>How a staff action ended.</summary>
public enum ResultKind
{
    Success,

    /// <summary>The input is wrong; <see cref="Result.Errors"/> says why, per field. Nothing changed.</summary>
    Invalid,

    NotFound,

    /// <summary>This staff member may not do this (to this thing). Nothing changed.</summary>
    Forbidden,

    /// <summary>Someone else changed the thing meanwhile; <see cref="Result.Errors"/> may say how. Nothing changed.</summary>
    Conflict,
}

/// <summary>The outcome of every staff action: success, or why not, with messages per field (the key ""
/// is for the whole form). The web app maps it to the page in one place (<c>ResultMapping</c>).</summary>
public class Result
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    protected Result(ResultKind kind, IReadOnlyDictionary<string, string>? errors)
    {
        Kind = kind;
        Errors = errors ?? NoErrors;
    }

    public ResultKind Kind { get; }

    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool Succeeded => Kind == ResultKind.Success;

    public static Result Success { get; } = new(ResultKind.Success, null);

    public static Result NotFound { get; } = new(ResultKind.NotFound, null);

    public static Result Forbidden(string? message = null) => new(ResultKind.Forbidden, Whole(message));

    public static Result Invalid(IReadOnlyDictionary<string, string> errors) => new(ResultKind.Invalid, errors);

    public static Result Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static Result Conflict(string? message = null) => new(ResultKind.Conflict, Whole(message));

    /// <summary>Success carrying what the action made or found.</summary>
    public static Result<T> Of<T>(T value) => new(ResultKind.Success, null, value);

    /// <summary>The same refusal, typed for an action that would have returned a <typeparamref name="T"/>.</summary>
    public Result<T> As<T>() => Succeeded
        ? throw new InvalidOperationException("A successful result carries its value; use Result.Of.")
        : new Result<T>(Kind, Errors, default);

    private static Dictionary<string, string>? Whole(string? message) =>
        message is null ? null : new Dictionary<string, string> { [string.Empty] = message };
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed class Result<T> : Result
{
    internal Result(ResultKind kind, IReadOnlyDictionary<string, string>? errors, T? value)
        : base(kind, errors)
    {
        Value = value;
    }

    /// <summary>What the action made or found; set only when it succeeded.</summary>
    public T? Value { get; }
}
