using System.Linq.Expressions;
using Cms.Model.Delivery;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Media;

public enum MediaAssetSortField
{
    CreatedAt,
    FileName,
}
