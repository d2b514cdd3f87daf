// Writes schemas/skyvva-channel.schema.json from the parameter catalogue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelSchemaText } from '../src/engine/schema';

const target = join(__dirname, '..', '..', 'schemas', 'skyvva-channel.schema.json');
writeFileSync(target, channelSchemaText());
console.log(`wrote ${target}`);
