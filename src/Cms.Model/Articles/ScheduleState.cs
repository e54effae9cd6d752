namespace Cms.Model.Articles;

public enum ScheduleState
{
    Pending,
    Done,
    Cancelled,
    Failed,
}
