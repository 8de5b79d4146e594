extension LEDInstrument {
  /// The codebook of the LED instrument in the YAML format of this module, identical to
  /// `examples/led-survey/codebook.yaml` (a test keeps the two equal).
  ///
  /// 27 items on a 5-point agreement scale (1 "Sangat Tidak Setuju" / "Strongly disagree" …
  /// 5 "Sangat Setuju" / "Strongly agree"), in Indonesian with English translations:
  ///
  /// | construct | dimensions (items) |
  /// | --- | --- |
  /// | X1 industrial linkages | BL backward linkage: raw-material supply (3); FL forward linkage: distribution and market access (3) |
  /// | X2 cluster pattern | AG spatial agglomeration (3); CO inter-firm cooperation and joint action (3, `X2_CO3` reverse-coded) |
  /// | X3 LED orientation | PS policy support (3); GO growth orientation (3) |
  /// | Y business sustainability | EP economic performance (3); MS market stability (3, `Y_MS2` reverse-coded); IN innovation (3) |
  public static let codebookYAML: String = #"""
    # Codebook of the LED instrument: industrial linkages, cluster pattern, local economic
    # development (LED) orientation and business sustainability of small and medium enterprises
    # in Indonesian industrial centres (sentra industri). Respondents: business owners.
    # Format: see Sources/Survey/README.md.
    instrument:
      name: LED-SENTRA
      title:
        id: Keterkaitan Industri, Pola Klaster, Orientasi Pengembangan Ekonomi Lokal, dan Keberlanjutan Usaha di Sentra Industri
        en: Industrial Linkages, Cluster Pattern, Local Economic Development Orientation and Business Sustainability in Industrial Centres
      respondents:
        id: Pemilik usaha di sentra industri
        en: Business owners in industrial centres

    languages: [id, en]

    scales:
      - id: setuju5
        points: 5
        labels:
          id: [Sangat Tidak Setuju, Tidak Setuju, Netral, Setuju, Sangat Setuju]
          en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]

    missingCodes: [-99, 99]
    missingLabels: [NA, N/A, Tidak tahu, Tidak menjawab, Don't know, No answer]

    constructs:
      - id: X1
        name: {id: Keterkaitan Industri, en: Industrial linkages}
        mode: A
        dimensions:
          - id: BL
            name: {id: "Keterkaitan ke belakang: pasokan bahan baku", en: "Backward linkage: raw-material supply"}
          - id: FL
            name: {id: "Keterkaitan ke depan: distribusi dan akses pasar", en: "Forward linkage: distribution and market access"}
      - id: X2
        name: {id: Pola Klaster, en: Cluster pattern}
        mode: A
        dimensions:
          - id: AG
            name: {id: Aglomerasi spasial, en: Spatial agglomeration}
          - id: CO
            name: {id: Kerja sama antarusaha dan aksi bersama, en: Inter-firm cooperation and joint action}
      - id: X3
        name: {id: Orientasi Pengembangan Ekonomi Lokal, en: LED orientation}
        mode: A
        dimensions:
          - id: PS
            name: {id: Dukungan kebijakan, en: Policy support}
          - id: GO
            name: {id: Orientasi pertumbuhan, en: Growth orientation}
      - id: Y
        name: {id: Keberlanjutan Usaha, en: Business sustainability}
        mode: A
        dimensions:
          - id: EP
            name: {id: Kinerja ekonomi, en: Economic performance}
          - id: MS
            name: {id: Stabilitas pasar, en: Market stability}
          - id: IN
            name: {id: Inovasi, en: Innovation}

    items:
      # X1 Industrial linkages: backward linkage (raw-material supply)
      - id: X1_BL1
        construct: X1
        dimension: BL
        scale: setuju5
        text:
          id: Bahan baku utama usaha saya mudah diperoleh dari pemasok di sekitar sentra industri.
          en: The main raw materials of my business are easy to obtain from suppliers around the industrial centre.
      - id: X1_BL2
        construct: X1
        dimension: BL
        scale: setuju5
        text:
          id: Pasokan bahan baku untuk usaha saya tersedia secara rutin dan tepat waktu.
          en: Raw materials for my business are supplied regularly and on time.
      - id: X1_BL3
        construct: X1
        dimension: BL
        scale: setuju5
        text:
          id: Harga bahan baku dari pemasok lokal terjangkau bagi usaha saya.
          en: Raw materials from local suppliers are affordable for my business.
      # X1 Industrial linkages: forward linkage (distribution and market access)
      - id: X1_FL1
        construct: X1
        dimension: FL
        scale: setuju5
        text:
          id: Produk usaha saya mudah didistribusikan kepada pedagang atau konsumen.
          en: My products are easy to distribute to traders or consumers.
      - id: X1_FL2
        construct: X1
        dimension: FL
        scale: setuju5
        text:
          id: Usaha saya memiliki akses yang baik ke pasar di luar daerah.
          en: My business has good access to markets outside the region.
      - id: X1_FL3
        construct: X1
        dimension: FL
        scale: setuju5
        text:
          id: Usaha saya menjalin hubungan yang berkelanjutan dengan pembeli tetap (distributor, pengecer, atau industri lain).
          en: My business maintains lasting relationships with regular buyers (distributors, retailers or other industries).
      # X2 Cluster pattern: spatial agglomeration
      - id: X2_AG1
        construct: X2
        dimension: AG
        scale: setuju5
        text:
          id: Lokasi usaha saya berdekatan dengan banyak usaha sejenis di sentra industri ini.
          en: My business is located close to many similar businesses in this industrial centre.
      - id: X2_AG2
        construct: X2
        dimension: AG
        scale: setuju5
        text:
          id: Berada di sentra industri memudahkan usaha saya memperoleh tenaga kerja terampil.
          en: Being in the industrial centre makes it easier for my business to find skilled workers.
      - id: X2_AG3
        construct: X2
        dimension: AG
        scale: setuju5
        text:
          id: Kedekatan dengan usaha lain di sentra ini menurunkan biaya produksi dan transportasi usaha saya.
          en: Being close to other businesses in this centre lowers my production and transport costs.
      # X2 Cluster pattern: inter-firm cooperation and joint action
      - id: X2_CO1
        construct: X2
        dimension: CO
        scale: setuju5
        text:
          id: Saya bekerja sama dengan pelaku usaha lain di sentra dalam pembelian bahan baku atau pemasaran.
          en: I cooperate with other business owners in the centre in buying raw materials or in marketing.
      - id: X2_CO2
        construct: X2
        dimension: CO
        scale: setuju5
        text:
          id: Pelaku usaha di sentra ini aktif dalam paguyuban, koperasi, atau asosiasi usaha.
          en: Business owners in this centre are active in a business community, cooperative or association.
      - id: X2_CO3
        construct: X2
        dimension: CO
        scale: setuju5
        reverse: true
        text:
          id: Saya jarang berbagi informasi atau pengetahuan dengan pelaku usaha lain di sentra ini.
          en: I rarely share information or knowledge with other business owners in this centre.
      # X3 LED orientation: policy support
      - id: X3_PS1
        construct: X3
        dimension: PS
        scale: setuju5
        text:
          id: Pemerintah daerah memberikan pelatihan dan pendampingan yang bermanfaat bagi usaha saya.
          en: The local government provides training and mentoring that benefit my business.
      - id: X3_PS2
        construct: X3
        dimension: PS
        scale: setuju5
        text:
          id: Program pemerintah daerah memudahkan usaha saya memperoleh modal atau kredit.
          en: Local government programmes make it easier for my business to obtain capital or credit.
      - id: X3_PS3
        construct: X3
        dimension: PS
        scale: setuju5
        text:
          id: Perizinan dan peraturan daerah mendukung pengembangan usaha di sentra industri.
          en: Local licensing and regulations support business development in the industrial centre.
      # X3 LED orientation: growth orientation
      - id: X3_GO1
        construct: X3
        dimension: GO
        scale: setuju5
        text:
          id: Saya berencana memperluas kapasitas produksi usaha saya dalam beberapa tahun ke depan.
          en: I plan to expand the production capacity of my business in the next few years.
      - id: X3_GO2
        construct: X3
        dimension: GO
        scale: setuju5
        text:
          id: Usaha saya berupaya menyerap tenaga kerja dari masyarakat setempat.
          en: My business seeks to employ workers from the local community.
      - id: X3_GO3
        construct: X3
        dimension: GO
        scale: setuju5
        text:
          id: Saya memanfaatkan potensi dan sumber daya lokal untuk mengembangkan usaha.
          en: I use local potential and resources to develop my business.
      # Y Business sustainability: economic performance
      - id: Y_EP1
        construct: Y
        dimension: EP
        scale: setuju5
        text:
          id: Pendapatan usaha saya meningkat dalam tiga tahun terakhir.
          en: The income of my business has increased over the last three years.
      - id: Y_EP2
        construct: Y
        dimension: EP
        scale: setuju5
        text:
          id: Keuntungan usaha saya cukup untuk membiayai kegiatan operasional dan pengembangan usaha.
          en: The profit of my business is sufficient to fund its operations and development.
      - id: Y_EP3
        construct: Y
        dimension: EP
        scale: setuju5
        text:
          id: Jumlah tenaga kerja di usaha saya bertambah atau tetap stabil.
          en: The number of workers in my business has grown or remained stable.
      # Y Business sustainability: market stability
      - id: Y_MS1
        construct: Y
        dimension: MS
        scale: setuju5
        text:
          id: Permintaan terhadap produk usaha saya relatif stabil sepanjang tahun.
          en: Demand for my products is fairly stable throughout the year.
      - id: Y_MS2
        construct: Y
        dimension: MS
        scale: setuju5
        reverse: true
        text:
          id: Usaha saya mudah kehilangan pelanggan ketika pesaing menurunkan harga.
          en: My business easily loses customers when competitors lower their prices.
      - id: Y_MS3
        construct: Y
        dimension: MS
        scale: setuju5
        text:
          id: Usaha saya memiliki pelanggan tetap yang terus melakukan pembelian ulang.
          en: My business has regular customers who keep buying again.
      # Y Business sustainability: innovation
      - id: Y_IN1
        construct: Y
        dimension: IN
        scale: setuju5
        text:
          id: Usaha saya secara berkala mengembangkan produk atau desain baru.
          en: My business regularly develops new products or designs.
      - id: Y_IN2
        construct: Y
        dimension: IN
        scale: setuju5
        text:
          id: Usaha saya menerapkan teknologi atau peralatan produksi yang lebih baik.
          en: My business adopts better technology or production equipment.
      - id: Y_IN3
        construct: Y
        dimension: IN
        scale: setuju5
        text:
          id: Usaha saya memanfaatkan media digital untuk pemasaran dan penjualan.
          en: My business uses digital media for marketing and sales.
    """#
}
