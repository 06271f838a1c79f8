import { describe, expect, it } from '@jest/globals';
import type { IndexedDocument } from './load-documents';
import { LocalIndex } from './local-index';

const doc = (url: string, text: string, title = 'Page'): IndexedDocument => ({
  title,
  headings: '',
  text,
  url,
  date: null,
  lastUpdated: null,
  language: null,
  kind: null,
  images: [],
});

function build(...documents: IndexedDocument[]): LocalIndex {
  const index = new LocalIndex();
  index.add(documents);
  return index;
}

const urls = (
  index: LocalIndex,
  query: string,
  limit = 10,
  accept: (document: IndexedDocument) => boolean = () => true,
) => index.search(query, limit, accept).map((hit) => hit.document.url);

describe('LocalIndex', () => {
  it('ranks documents with every query term above those with some, then by BM25', () => {
    const index = build(
      doc('one-term', 'redis redis redis redis everywhere'),
      doc('both', 'a redis cache'),
      doc('other', 'nothing relevant'),
    );
    expect(urls(index, 'redis cache')).toEqual(['both', 'one-term']);
  });

  it('boosts title matches over body matches', () => {
    const index = build(doc('body', 'deploy guide', 'Notes'), doc('title', 'text', 'Deploy'));
    expect(urls(index, 'deploy')[0]).toBe('title');
  });

  it('expands only the last term as a prefix, from three characters', () => {
    const index = build(doc('config', 'configuration of replicas'), doc('rep', 'replica set'));
    expect(urls(index, 'config')).toEqual(['config']);
    expect(urls(index, 'config replica')).toEqual(['rep', 'config']);
    expect(urls(index, 'replica config')).toEqual(['config', 'rep']);
    expect(urls(index, 'co')).toEqual([]);
  });

  it('tries one typo only when exact and prefix matches find fewer than wanted', () => {
    const index = build(doc('exact', 'onboarding checklist'), doc('typo', 'onboardinx notes'));
    expect(urls(index, 'onboarding', 1)).toEqual(['exact']);
    expect(urls(index, 'onboarding', 2)).toEqual(['exact', 'typo']);
    expect(urls(index, 'onboardinh').sort()).toEqual(['exact', 'typo']);
  });

  it('reports the indexed terms each hit matched, for snippets', () => {
    const index = build(doc('a', 'configuration and config files'));
    const [hit] = index.search('files conf', 5, () => true);
    expect(hit.terms.sort()).toEqual(['config', 'configuration', 'files']);
  });

  it('filters while ranking, so rejected documents do not take places', () => {
    const index = build(doc('a', 'cache cache'), doc('b', 'cache'), doc('c', 'cache note'));
    expect(urls(index, 'cache', 2, (d: IndexedDocument) => d.url !== 'a')).toEqual(['b', 'c']);
  });

  it('ignores stop words and punctuation, and finds nothing for them alone', () => {
    const index = build(doc('a', 'The cache, of course.'));
    expect(urls(index, 'the of')).toEqual([]);
    expect(urls(index, 'Cache?!')).toEqual(['a']);
  });

  it('keeps answering after documents are added again', () => {
    const index = build(doc('a', 'first batch'));
    index.add([doc('b', 'second batch')]);
    expect(index.size).toBe(2);
    expect(urls(index, 'batch').sort()).toEqual(['a', 'b']);
    expect(urls(index, 'second')).toEqual(['b']);
  });
});
