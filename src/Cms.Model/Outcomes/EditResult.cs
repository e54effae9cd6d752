namespace Cms.Model.Outcomes;

/// <summary>The outcome of an editorial command: the value it produced, or every reason it was refused.</summary>
public sealed class EditResult<T>
    where T : class
{
    internal EditResult(T? value, IReadOnlyList<EditError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<EditError> Errors { get; }

    public bool Succeeded => Value is not null;
}

public static class EditResult
{
    public static EditResult<T> Success<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    public static EditResult<T> Failure<T>(IReadOnlyList<EditError> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? throw new ArgumentException("A failure needs at least one error.", nameof(errors))
            : new EditResult<T>(null, errors);
    }

    public static EditResult<T> Failure<T>(EditError error)
        where T : class => Failure<T>([error]);
}
