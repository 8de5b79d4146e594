/// The layered drawing of a structural model (the method of Sugiyama, Tagawa & Toda 1981):
///
/// 1. **Layering** by longest path: a construct without predecessors is in layer 0, any other in
///    layer 1 + the largest layer of its predecessors, so every path points left to right.
/// 2. **Dummy nodes** on every path that spans more than one layer, one per layer crossed, so
///    that long paths are routed between the constructs of the layers they pass.
/// 3. **Crossing reduction** by the barycenter heuristic (Sugiyama et al. 1981): sweeps down and
///    up the layers, each ordering a layer by the mean position of its neighbours in the layer
///    before, keeping the ordering with the fewest crossings, then swapping neighbours while that
///    removes crossings (the "transpose" step of Gansner et al. 1993).
/// 4. **Vertical placement**: each node is pulled towards the mean height of its neighbours while
///    keeping its layer's order and the minimum gaps, solved exactly per layer as an isotonic
///    regression (pool adjacent violators), a few sweeps over the layers.
///
/// Items `0..<constructCount` are the constructs; items from `constructCount` on are dummies.
struct LayeredLayout: Sendable {
  /// Number of constructs (the first items).
  let constructCount: Int
  /// Layer of each item.
  private(set) var layerOf: [Int]
  /// The items of each layer, top to bottom.
  private(set) var layers: [[Int]]
  /// For each structural path (in the order given), the items it passes: source, dummies, target.
  private(set) var chains: [[Int]]
  /// Neighbours in the layer before / after, through the chains.
  private(set) var predecessors: [[Int]]
  private(set) var successors: [[Int]]

  /// Lays out `constructCount` constructs joined by `paths` (construct indices).
  init(constructCount: Int, paths: [(from: Int, to: Int)]) {
    self.constructCount = constructCount
    var layerOf = Self.longestPathLayers(count: constructCount, paths: paths)
    let layerCount = (layerOf.max() ?? 0) + 1
    var layers = [[Int]](repeating: [], count: layerCount)
    // Initial order: constructs in declaration order, each layer's dummies after its constructs
    // in path order.
    for c in 0..<constructCount { layers[layerOf[c]].append(c) }
    var chains: [[Int]] = []
    var predecessors = [[Int]](repeating: [], count: constructCount)
    var successors = [[Int]](repeating: [], count: constructCount)
    for path in paths {
      var chain = [path.from]
      if layerOf[path.from] < layerOf[path.to] {
        for layer in (layerOf[path.from] + 1)..<layerOf[path.to] {
          let dummy = layerOf.count
          layerOf.append(layer)
          layers[layer].append(dummy)
          predecessors.append([])
          successors.append([])
          chain.append(dummy)
        }
        chain.append(path.to)
        for (u, v) in zip(chain, chain.dropFirst()) {
          successors[u].append(v)
          predecessors[v].append(u)
        }
      } else {
        chain.append(path.to)  // only in a cyclic model, which validation rejects
      }
      chains.append(chain)
    }
    self.layerOf = layerOf
    self.layers = layers
    self.chains = chains
    self.predecessors = predecessors
    self.successors = successors
    reduceCrossings()
  }

  /// Whether `item` is a dummy node.
  func isDummy(_ item: Int) -> Bool { item >= constructCount }

  /// Number of items (constructs and dummies).
  var itemCount: Int { layerOf.count }

  /// Longest-path layers: 0 for a construct without predecessors, else 1 + the largest layer
  /// of its predecessors. A cycle (not a valid model) is cut off at `count − 1`.
  static func longestPathLayers(count: Int, paths: [(from: Int, to: Int)]) -> [Int] {
    var layer = [Int](repeating: 0, count: count)
    guard count > 0 else { return layer }
    for _ in 0..<count {
      var changed = false
      for path in paths where path.from != path.to {
        let wanted = min(layer[path.from] + 1, count - 1)
        if layer[path.to] < wanted {
          layer[path.to] = wanted
          changed = true
        }
      }
      if !changed { break }
    }
    return layer
  }

  /// Edge crossings between every pair of adjacent layers.
  func crossings() -> Int {
    (0..<max(layers.count - 1, 0)).reduce(0) { $0 + crossings(between: $1, positions: positions()) }
  }

  private func positions() -> [Int] {
    var position = [Int](repeating: 0, count: itemCount)
    for layer in layers {
      for (k, item) in layer.enumerated() { position[item] = k }
    }
    return position
  }

  /// Crossings between layer `l` and `l + 1`: pairs of edges whose ends are in opposite order.
  private func crossings(between l: Int, positions: [Int]) -> Int {
    var edges: [(Int, Int)] = []
    for u in layers[l] {
      for v in successors[u] { edges.append((positions[u], positions[v])) }
    }
    var count = 0
    for a in 0..<edges.count {
      for b in (a + 1)..<edges.count
      where (edges[a].0 - edges[b].0) * (edges[a].1 - edges[b].1) < 0 {
        count += 1
      }
    }
    return count
  }

  /// The barycenter sweeps and the transpose step.
  private mutating func reduceCrossings(sweeps: Int = 12) {
    guard layers.count > 1 else { return }
    var best = layers
    var bestCrossings = crossings()
    for sweep in 0..<sweeps where bestCrossings > 0 {
      if sweep % 2 == 0 {
        for l in 1..<layers.count { orderByBarycenter(l, neighbours: predecessors) }
      } else {
        for l in stride(from: layers.count - 2, through: 0, by: -1) {
          orderByBarycenter(l, neighbours: successors)
        }
      }
      let c = crossings()
      if c < bestCrossings {
        best = layers
        bestCrossings = c
      }
    }
    layers = best
    transpose()
  }

  /// Orders layer `l` by the mean position of each item's `neighbours` (items without any keep
  /// their position); ties keep the current order.
  private mutating func orderByBarycenter(_ l: Int, neighbours: [[Int]]) {
    let position = positions()
    let keyed = layers[l].enumerated().map { k, item -> (Double, Int, Int) in
      let n = neighbours[item]
      let center =
        n.isEmpty ? Double(k) : Double(n.reduce(0) { $0 + position[$1] }) / Double(n.count)
      return (center, k, item)
    }
    layers[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
  }

  /// Swaps neighbouring items of a layer while that lowers the crossings.
  private mutating func transpose() {
    var improved = true
    var rounds = 0
    while improved && rounds < 20 {
      improved = false
      rounds += 1
      for l in layers.indices where layers[l].count > 1 {
        for k in 0..<(layers[l].count - 1) {
          let before = crossings()
          layers[l].swapAt(k, k + 1)
          if crossings() < before {
            improved = true
          } else {
            layers[l].swapAt(k, k + 1)
          }
        }
      }
    }
  }

  /// Vertical centres of all items: item `i` reaches `top[i]` above and `bottom[i]` below its
  /// centre, and consecutive items of a layer are at least `gap(upper, lower)` apart
  /// (outline to outline). The smallest top edge is 0.
  func verticalCenters(top: [Double], bottom: [Double], gap: (Int, Int) -> Double, sweeps: Int = 16)
    -> [Double]
  {
    var y = [Double](repeating: 0, count: itemCount)
    // Start with each layer stacked and centred on 0.
    for layer in layers {
      var cursor = 0.0
      for (k, item) in layer.enumerated() {
        if k > 0 { cursor += bottom[layer[k - 1]] + gap(layer[k - 1], item) + top[item] }
        y[item] = cursor
      }
      let shift = cursor / 2
      for item in layer { y[item] -= shift }
    }
    for sweep in 0..<sweeps {
      let order = sweep % 2 == 0 ? Array(layers.indices) : Array(layers.indices.reversed())
      for l in order {
        let layer = layers[l]
        let desired = layer.map { item -> Double in
          let n = predecessors[item] + successors[item]
          return n.isEmpty ? y[item] : n.reduce(0) { $0 + y[$1] } / Double(n.count)
        }
        var separations = [0.0]
        for k in 1..<max(layer.count, 1) {
          separations.append(bottom[layer[k - 1]] + gap(layer[k - 1], layer[k]) + top[layer[k]])
        }
        for (item, value) in zip(
          layer, Self.placeInOrder(desired: desired, separations: separations))
        {
          y[item] = value
        }
      }
    }
    let minTop = (0..<itemCount).map { y[$0] - top[$0] }.min() ?? 0
    return y.map { $0 - minTop }
  }

  /// Positions as close as possible (least squares) to `desired` with `yₖ − yₖ₋₁ ≥
  /// separations[k]`: with offsets oₖ = Σ separations, fit zₖ = yₖ − oₖ non-decreasing to
  /// desiredₖ − oₖ by pool adjacent violators.
  static func placeInOrder(desired: [Double], separations: [Double]) -> [Double] {
    var offsets: [Double] = []
    var total = 0.0
    for s in separations.prefix(desired.count) {
      total += s
      offsets.append(total)
    }
    var blocks: [(sum: Double, count: Int)] = []
    for (d, o) in zip(desired, offsets) {
      blocks.append((d - o, 1))
      while blocks.count > 1,
        blocks[blocks.count - 2].sum / Double(blocks[blocks.count - 2].count)
          > blocks[blocks.count - 1].sum / Double(blocks[blocks.count - 1].count)
      {
        let last = blocks.removeLast()
        blocks[blocks.count - 1].sum += last.sum
        blocks[blocks.count - 1].count += last.count
      }
    }
    var z: [Double] = []
    for block in blocks {
      z += Array(repeating: block.sum / Double(block.count), count: block.count)
    }
    return zip(z, offsets).map { $0 + $1 }
  }
}
