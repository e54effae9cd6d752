namespace Cms.Model.Editing;

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}
