/** The scales the compile stage's small hand-built packs share: a yes/no answer scale and a two-level rating. */
export const SMALL_SCALES = {
  yn: {
    levels: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ],
    met: ['yes'],
  },
  rating: {
    levels: [
      { id: 'good', label: 'Good' },
      { id: 'poor', label: 'Poor' },
    ],
  },
};
