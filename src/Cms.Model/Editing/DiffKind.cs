using System.Text.RegularExpressions;

namespace Cms.Model.Editing;

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}
