// Content collections: the decks (validated by the protocol's deck schema, so a broken deck fails
// the build naming the file and field) and the national help lines a school may adjust.
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { Deck, NationalHelpLine } from '@protocol';

export const collections = {
  decks: defineCollection({
    loader: glob({ base: './decks', pattern: '*.yaml' }),
    schema: Deck,
  }),
  helpLines: defineCollection({
    loader: file('./site/data/hulplijnen.yaml'),
    schema: NationalHelpLine,
  }),
};
