/** Sichuan cities used by the demo, with their administrative-division codes and some districts. */
export interface City {
  name: string;
  short: string;
  code: string; // 6-digit 行政区划代码 of the city
  weight: number; // share of demo enterprises
  counties: string[];
}

export const PROVINCE = '四川省';

export const CITIES: readonly City[] = [
  { name: '成都市', short: '成都', code: '510100', weight: 46, counties: ['武侯区', '高新区', '锦江区', '青羊区', '金牛区', '成华区', '双流区', '郫都区', '龙泉驿区', '新都区'] },
  { name: '绵阳市', short: '绵阳', code: '510700', weight: 10, counties: ['涪城区', '游仙区', '安州区', '江油市'] },
  { name: '德阳市', short: '德阳', code: '510600', weight: 8, counties: ['旌阳区', '罗江区', '广汉市', '什邡市'] },
  { name: '宜宾市', short: '宜宾', code: '511500', weight: 7, counties: ['翠屏区', '南溪区', '叙州区'] },
  { name: '泸州市', short: '泸州', code: '510500', weight: 6, counties: ['江阳区', '龙马潭区', '纳溪区'] },
  { name: '南充市', short: '南充', code: '511300', weight: 5, counties: ['顺庆区', '高坪区', '嘉陵区'] },
  { name: '乐山市', short: '乐山', code: '511100', weight: 5, counties: ['市中区', '五通桥区', '峨眉山市'] },
  { name: '自贡市', short: '自贡', code: '510300', weight: 5, counties: ['自流井区', '贡井区', '大安区'] },
  { name: '遂宁市', short: '遂宁', code: '510900', weight: 4, counties: ['船山区', '安居区', '射洪市'] },
  { name: '达州市', short: '达州', code: '511700', weight: 4, counties: ['通川区', '达川区', '宣汉县'] },
];

export const CITY_WEIGHTS = CITIES.map((c) => c.weight);
