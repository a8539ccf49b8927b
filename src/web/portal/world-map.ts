import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

// The world drawn from world-atlas (Natural Earth, 1:110m, shipped with the project): no tiles, no
// requests to another site. Its countries carry an ISO 3166 numeric id and an English short name;
// the registry keys countries by alpha-2 code, so features are matched by name through the English
// names the browser knows for each alpha-2 code, with the atlas's abbreviations spelt out below.

const ATLAS_NAMES: Record<string, string> = {
  'United States of America': 'US',
  Turkey: 'TR',
  'Dem. Rep. Congo': 'CD',
  Congo: 'CG',
  'Bosnia and Herz.': 'BA',
  'Central African Rep.': 'CF',
  'S. Sudan': 'SS',
  'Eq. Guinea': 'GQ',
  eSwatini: 'SZ',
  "Côte d'Ivoire": 'CI',
  'Solomon Is.': 'SB',
  'Falkland Is.': 'FK',
  'Dominican Rep.': 'DO',
  Macedonia: 'MK',
  'W. Sahara': 'EH',
  'Fr. S. Antarctic Lands': 'TF',
  Myanmar: 'MM',
  Palestine: 'PS',
  'Trinidad and Tobago': 'TT',
};

let alpha2ByName: Map<string, string> | undefined;

/** The alpha-2 code of an atlas country name, or undefined (e.g. Somaliland, N. Cyprus). */
export function alpha2Of(atlasName: string): string | undefined {
  if (!alpha2ByName) {
    alpha2ByName = new Map(Object.entries(ATLAS_NAMES));
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && !alpha2ByName.has(name)) alpha2ByName.set(name, code);
      }
  }
  return alpha2ByName.get(atlasName);
}

export interface CountryShape {
  code: string | undefined;
  name: string;
  d: string;
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** Every atlas country as an SVG path in an Equal Earth projection fitted to the map's box. */
export async function worldShapes(): Promise<CountryShape[]> {
  const atlas = (await import('world-atlas/countries-110m.json')).default as unknown as Topology;
  const countries = feature(atlas, atlas.objects.countries!) as unknown as FeatureCollection<Geometry, { name: string }>;
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], countries);
  const path = geoPath(projection);
  return countries.features.map((f: Feature<Geometry, { name: string }>) => ({
    code: alpha2Of(f.properties.name),
    name: f.properties.name,
    d: path(f) ?? '',
  }));
}
