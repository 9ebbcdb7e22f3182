namespace ClinicBlog.Web.Models;

/// <summary>The staff navigation: entries grouped by task, the current one marked, waiting work counted.</summary>
/// <param name="IdPrefix">Keeps the ids of the two copies (sidebar and phone menu) apart.</param>
/// <param name="Groups">The groups, in order.</param>
public sealed record StaffNavViewModel(string IdPrefix, IReadOnlyList<StaffNavGroup> Groups);

/// <summary>A group of the staff navigation, such as "Write" or "Community".</summary>
public sealed record StaffNavGroup(string Title, IReadOnlyList<StaffNavItem> Items);

/// <summary>One entry of the staff navigation.</summary>
/// <param name="Label">The link text.</param>
/// <param name="Url">Where it goes.</param>
/// <param name="Current">True on the entry's own pages (<c>aria-current="page"</c>).</param>
/// <param name="Waiting">How much work waits there (shown as a badge when above zero).</param>
/// <param name="Urgent">Of that, how much is urgent (the badge turns red).</param>
public sealed record StaffNavItem(string Label, string Url, bool Current, int Waiting = 0, int Urgent = 0);
