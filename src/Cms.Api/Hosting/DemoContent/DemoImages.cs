using System.Globalization;
using Cms.Model.Articles;
using NetVips;

namespace Cms.Api.Hosting.DemoContent;

/// <summary>
/// The demo's images, made by the project itself from each article's coordinates: a locator diagram with a latitude and
/// longitude grid and a marker per place, and alt text that says what it shows in words.
/// </summary>
internal static class DemoImages
{
    private const int Width = 1200;
    private const int Height = 675;
    private const int Margin = 90;

    public sealed record DemoImage(byte[] Png, string AltText, FocalPoint FocalPoint);

    /// <summary>The diagram for these places, or null when fewer than one has coordinates.</summary>
    public static DemoImage? LocatorDiagram(string title, IReadOnlyList<Place> places)
    {
        var located = places.Where(p => p.Latitude is not null && p.Longitude is not null).ToList();
        if (located.Count == 0)
        {
            return null;
        }

        // A box around the places, in degrees, widened to the picture's proportions (longitudes shrink by the cosine of latitude).
        var (south, north) = (located.Min(p => p.Latitude!.Value), located.Max(p => p.Latitude!.Value));
        var (west, east) = (located.Min(p => p.Longitude!.Value), located.Max(p => p.Longitude!.Value));
        var squeeze = Math.Cos((south + north) / 2 * Math.PI / 180);
        var latSpan = Math.Max(Math.Max(north - south, (east - west) * squeeze * Height / Width), 0.5) * 1.6;
        var lonSpan = latSpan * Width / Height / squeeze;
        var (midLat, midLon) = ((south + north) / 2, (west + east) / 2);
        (double X, double Y) Project(double lat, double lon) =>
            (Margin + ((lon - (midLon - (lonSpan / 2))) / lonSpan * (Width - (2 * Margin))), Margin + (((midLat + (latSpan / 2)) - lat) / latSpan * (Height - (2 * Margin))));

        using var canvas = (Image.Black(Width, Height, bands: 3) + new double[] { 232, 240, 246 }).Cast(Enums.BandFormat.Uchar);
        using var drawn = canvas.Mutate(image =>
        {
            image.DrawRect([250, 250, 245], Margin, Margin, Width - (2 * Margin), Height - (2 * Margin), fill: true);
            var step = GridStep(latSpan);
            for (var lat = Math.Ceiling((midLat - (latSpan / 2)) / step) * step; lat <= midLat + (latSpan / 2); lat += step)
            {
                var (_, y) = Project(lat, midLon);
                image.DrawLine([190, 205, 220], Margin, (int)y, Width - Margin, (int)y);
            }

            for (var lon = Math.Ceiling((midLon - (lonSpan / 2)) / step) * step; lon <= midLon + (lonSpan / 2); lon += step)
            {
                var (x, _) = Project(midLat, lon);
                image.DrawLine([190, 205, 220], (int)x, Margin, (int)x, Height - Margin);
            }

            var first = Project(located[0].Latitude!.Value, located[0].Longitude!.Value);
            foreach (var place in located.Skip(1))
            {
                var (x, y) = Project(place.Latitude!.Value, place.Longitude!.Value);
                image.DrawLine([120, 120, 140], (int)first.X, (int)first.Y, (int)x, (int)y);
            }

            foreach (var (place, index) in located.Select((p, i) => (p, i)))
            {
                var (x, y) = Project(place.Latitude!.Value, place.Longitude!.Value);
                image.DrawCircle([255, 255, 255], (int)x, (int)y, 17, fill: true);
                image.DrawCircle(index == 0 ? [200, 40, 40] : [40, 90, 170], (int)x, (int)y, 13, fill: true);
            }

            image.DrawRect([90, 100, 120], Margin, Margin, Width - (2 * Margin), Height - (2 * Margin), fill: false);
        });

        var focus = Project(located[0].Latitude!.Value, located[0].Longitude!.Value);
        return new DemoImage(drawn.PngsaveBuffer(compression: 9), AltText(title, located), new FocalPoint(Math.Round(focus.X / Width, 3), Math.Round(focus.Y / Height, 3)));
    }

    private static string AltText(string title, List<Place> located)
    {
        var first = located[0];
        var text = $"Locator diagram for {title}: {Names(located)} marked on a latitude and longitude grid, {first.Name} in red";
        if (located.Count > 1)
        {
            var other = located[1];
            var (km, direction) = DistanceAndDirection(other, first);
            text += $", about {km.ToString("N0", CultureInfo.InvariantCulture)} km {direction} of {other.Name}";
        }

        return text + ".";
    }

    private static string Names(List<Place> places) => places.Count switch
    {
        1 => places[0].Name,
        _ => $"{string.Join(", ", places.Take(places.Count - 1).Select(p => p.Name))} and {places[^1].Name}",
    };

    /// <summary>Great-circle distance (haversine) and the compass point of <paramref name="to"/> as seen from <paramref name="from"/>.</summary>
    private static (double Km, string Direction) DistanceAndDirection(Place from, Place to)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var (lat1, lat2) = (Radians(from.Latitude!.Value), Radians(to.Latitude!.Value));
        var deltaLon = Radians(to.Longitude!.Value - from.Longitude!.Value);
        var a = Math.Pow(Math.Sin((lat2 - lat1) / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(deltaLon / 2), 2));
        var km = 6371 * 2 * Math.Asin(Math.Sqrt(a));
        var bearing = (Math.Atan2(Math.Sin(deltaLon) * Math.Cos(lat2), (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(deltaLon))) * 180 / Math.PI + 360) % 360;
        string[] points = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"];
        return (Math.Round(km, km < 10 ? 1 : 0), points[(int)Math.Round(bearing / 45) % 8]);
    }

    private static double GridStep(double span) => span switch
    {
        <= 1 => 0.1,
        <= 3 => 0.5,
        <= 8 => 1,
        <= 20 => 2,
        _ => 5,
    };
}
