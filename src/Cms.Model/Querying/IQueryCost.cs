namespace Cms.Model.Querying;

/// <summary>
/// What a filter or an ordering step adds to an operation's cost, in the units of the API's cost rule. The scale is
/// HotChocolate's: 10 for each operation or sort step, 20 for a pattern match (contains, startsWith, endsWith and their
/// negations), which cannot use an index.
/// </summary>
public interface IQueryCost
{
    int QueryCost();
}
