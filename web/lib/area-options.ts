import { DEFAULT_DISPATCH_AREAS, areaDisplayName } from '@common/areas';

/** Dispatch areas as select options: key on the wire, display form on screen. */
export const AREA_OPTIONS = DEFAULT_DISPATCH_AREAS.map((area) => ({
  value: area,
  label: areaDisplayName(area),
}));
