import { describe, expect, it } from 'vitest';
import { XmlDepthMeter } from '../../../electron/core/import/xml-depth';

function deepest(...chunks: string[]): number {
  const meter = new XmlDepthMeter();
  for (const chunk of chunks) meter.feed(new TextEncoder().encode(chunk));
  return meter.deepest;
}

describe('XML depth while inflating', () => {
  it('counts open tags down through close tags and self-closing tags', () => {
    expect(deepest('<?xml version="1.0"?><a><b/><b><c/></b></a>')).toBe(3);
    expect(deepest('<a></a><a></a><a></a>')).toBe(1);
  });

  it('is not fooled by quoted attributes, comments, processing instructions or chunk boundaries', () => {
    expect(deepest('<a x="1 > 2" y=\'/>\'><!-- <b><b> --><![CDATA[ <b><b> ]]><?pi <c>?><d/></a>')).toBe(2);
    expect(deepest('<a', '><', 'b/', '><b', '></b', '></a>')).toBe(2);
  });

  it('measures a deep nest, however it is cut', () => {
    const xml = '<w:sdt>'.repeat(1000) + '</w:sdt>'.repeat(1000);
    expect(deepest(xml)).toBe(1000);
    expect(deepest(...xml.match(/[\s\S]{1,7}/g)!)).toBe(1000);
  });
});
