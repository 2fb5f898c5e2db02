// Finding demo content through the API, for the measuring scripts (make inp, make lighthouse).

/** The first item of a list of the API at `base` (`path`), or one that `pick` chooses, following pages. */
export async function firstItem(base, path, pick = () => true) {
  let cursor = '';
  for (;;) {
    const response = await fetch(`${base}/api/v1/${path}${path.includes('?') ? '&' : '?'}limit=100${cursor && `&cursor=${encodeURIComponent(cursor)}`}`);
    if (!response.ok) throw new Error(`GET /${path} answered ${response.status}`);
    const page = await response.json();
    const found = page.items.find(pick);
    if (found) return found;
    if (!page.next_cursor) throw new Error(`nothing fitting in /${path} (is the demo data loaded?)`);
    cursor = page.next_cursor;
  }
}

/** The id of the first event still ahead (the events list is by date range). */
export async function upcomingEvent(base) {
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${base}/api/v1/events?from=${day(0)}&to=${day(90)}`);
  if (!response.ok) throw new Error(`GET /events answered ${response.status}`);
  const found = (await response.json()).find((occurrence) => !occurrence.cancelled);
  if (!found) throw new Error('no event in the next 90 days (is the demo data loaded?)');
  return found.event_id;
}
