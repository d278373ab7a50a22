/**
 * Zachary's karate club (W. W. Zachary, "An Information Flow Model for Conflict and
 * Fission in Small Groups", J. Anthropological Research 33, 1977): 34 members, 78 ties,
 * as NetworkX's `karate_club_graph()` numbers them (0..33), and NetworkX's published
 * answers for it (`betweenness_centrality(G)`, normalized; `pagerank(G, alpha=0.85)`
 * on the unweighted graph).
 */
export const KARATE_MEMBERS = 34;

export const KARATE_TIES: ReadonlyArray<readonly [number, number]> = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11], [0, 12], [0, 13], [0, 17], [0, 19], [0, 21], [0, 31],
  [1, 2], [1, 3], [1, 7], [1, 13], [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27], [2, 28], [2, 32],
  [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16], [6, 16], [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32],
  [14, 33], [15, 32], [15, 33], [18, 32], [18, 33], [19, 33], [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29], [23, 32],
  [23, 33], [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31], [28, 33], [29, 32], [29, 33], [30, 32], [30, 33],
  [31, 32], [31, 33], [32, 33],
];

/** NetworkX: the five members of highest normalised betweenness. */
export const KARATE_BETWEENNESS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.43763528138528146], [33, 0.30407497594997596], [32, 0.145247113997114], [2, 0.14365680615680618], [31, 0.13827561327561325],
];

/** NetworkX: the five members of highest PageRank (alpha 0.85). */
export const KARATE_PAGERANK: ReadonlyArray<readonly [number, number]> = [
  [33, 0.1009179167487121], [0, 0.09700181758983709], [32, 0.07169213006588289], [2, 0.057078423047636745], [1, 0.05287839103742701],
];

/** A member's id as a string that sorts like the number: 7 → "m07". */
export const memberId = (n: number): string => `m${String(n).padStart(2, '0')}`;
