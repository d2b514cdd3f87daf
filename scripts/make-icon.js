#!/usr/bin/env node
// Draws the extension icon, media/icon.png: a 128x128 PNG of two white nodes joined by a bar
// (a channel between two systems) on a rounded teal square. Plain Node, no image library.
//
// usage: node scripts/make-icon.js [OUTPUT.png]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 128;
const SUPERSAMPLING = 4; // samples per pixel along each axis, for smooth edges

const BACKGROUND = [0x0e, 0x7c, 0x86];
const FOREGROUND = [0xff, 0xff, 0xff];

function isInsideRoundedSquare(x, y) {
  const radius = 24;
  const nearestX = Math.min(Math.max(x, radius), SIZE - radius);
  const nearestY = Math.min(Math.max(y, radius), SIZE - radius);
  return (x - nearestX) ** 2 + (y - nearestY) ** 2 <= radius ** 2;
}

function isInsideSymbol(x, y) {
  const nodes = [
    [36, 64],
    [92, 64],
  ];
  const isInNode = nodes.some(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2 <= 16 ** 2);
  const isInBar = x >= 36 && x <= 92 && Math.abs(y - 64) <= 6;
  return isInNode || isInBar;
}

/** Returns the RGBA colour of one pixel, averaged over its supersamples. */
function shadePixel(px, py) {
  let coverage = 0;
  let symbolCoverage = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLING;
      const y = py + (sy + 0.5) / SUPERSAMPLING;
      if (!isInsideRoundedSquare(x, y)) continue;
      coverage++;
      if (isInsideSymbol(x, y)) symbolCoverage++;
    }
  }
  if (coverage === 0) return [0, 0, 0, 0];

  const mix = symbolCoverage / coverage;
  const rgb = BACKGROUND.map((channel, i) => Math.round(channel + (FOREGROUND[i] - channel) * mix));
  return [...rgb, Math.round((255 * coverage) / SUPERSAMPLING ** 2)];
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Encodes one PNG chunk: length, type, data and the CRC of type and data. */
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  // Each scanline starts with filter type 0 (none).
  const rowLength = width * 4;
  const raw = Buffer.alloc((rowLength + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const output = path.resolve(process.argv[2] || path.join(__dirname, '..', 'media', 'icon.png'));
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      Buffer.from(shadePixel(x, y)).copy(rgba, (y * SIZE + x) * 4);
    }
  }
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, encodePng(SIZE, SIZE, rgba));
  console.log(`wrote ${output}`);
}

main();
