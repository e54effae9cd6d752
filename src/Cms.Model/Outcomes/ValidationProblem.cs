namespace Cms.Model.Outcomes;

/// <summary>One thing wrong with submitted content: the field it concerns (a path such as "sections[2].heading"), a code and a readable message.</summary>
public sealed record ValidationProblem(string Field, string Code, string Message) : EditError(Code, Message)
{
    public static ValidationProblem Required(string field, string? message = null) =>
        new(field, ValidationCodes.Required, message ?? $"{field} is required.");

    public static ValidationProblem TooLong(string field, int maxLength) =>
        new(field, ValidationCodes.TooLong, $"{field} must be at most {maxLength} characters long.");

    public static ValidationProblem TooMany(string field, int maxCount) =>
        new(field, ValidationCodes.TooMany, $"{field} can hold at most {maxCount} entries.");
}
