/** The station (scanning desk) name, kept in this browser and sent with every scan (SPEC §1). */
const STATION_KEY = 'tracetrack.station';
export const STATION_NAME_MAX = 40;

export function readStationName(): string | null {
  try {
    const value = window.localStorage.getItem(STATION_KEY)?.trim();
    return value ? value.slice(0, STATION_NAME_MAX) : null;
  } catch {
    return null;
  }
}

export function saveStationName(name: string): void {
  try {
    window.localStorage.setItem(STATION_KEY, name.trim().slice(0, STATION_NAME_MAX));
  } catch {
    // Storage blocked (private mode): the name lasts until the page closes.
  }
}

/** A problem with a typed station name, or null when it is fine. */
export function stationNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    return 'Give this station a name, like “Desk 3” or “Gate A”.';
  }
  if (trimmed.length > STATION_NAME_MAX) {
    return `At most ${STATION_NAME_MAX} characters.`;
  }
  return null;
}
