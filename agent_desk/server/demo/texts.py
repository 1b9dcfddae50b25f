# ruff: noqa: E501
"""Names, a product catalog and message templates for the demo data and the customer simulator.

Templates are ``str.format_map`` strings. The slots a template may use are listed in ``SLOTS``;
every slot is always filled (with "" where it does not apply), so scenario templates only use the
slots that make sense for them. Locales are ``"zh_CN"`` and ``"en"``.
"""

from __future__ import annotations

from dataclasses import dataclass

ZH = "zh_CN"
EN = "en"
LOCALES = (ZH, EN)

SLOTS = (
    "customer_name",
    "agent",
    "order_no",
    "item",
    "carrier",
    "tracking_no",
    "eta",
    "amount",
    "size",
    "height",
    "weight",
    "coupon",
    "contact",
    "new_address",
    "city",
    "days",
)

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

ZH_SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("罗", "luo"),
    ("高", "gao"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("许", "xu"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
    ("彭", "peng"),
    ("曾", "zeng"),
    ("肖", "xiao"),
    ("田", "tian"),
    ("董", "dong"),
    ("潘", "pan"),
    ("袁", "yuan"),
    ("蔡", "cai"),
    ("蒋", "jiang"),
    ("余", "yu"),
    ("叶", "ye"),
    ("程", "cheng"),
    ("魏", "wei"),
    ("苏", "su"),
    ("吕", "lv"),
    ("丁", "ding"),
    ("沈", "shen"),
    ("姚", "yao"),
    ("卢", "lu"),
    ("钟", "zhong"),
    ("姜", "jiang"),
    ("崔", "cui"),
    ("谭", "tan"),
    ("廖", "liao"),
    ("范", "fan"),
    ("陆", "lu"),
    ("金", "jin"),
    ("石", "shi"),
    ("夏", "xia"),
    ("方", "fang"),
    ("欧阳", "ouyang"),
    ("上官", "shangguan"),
)

ZH_GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("超", "chao"),
    ("霞", "xia"),
    ("秀英", "xiuying"),
    ("桂英", "guiying"),
    ("子涵", "zihan"),
    ("欣怡", "xinyi"),
    ("梓萱", "zixuan"),
    ("一诺", "yinuo"),
    ("浩然", "haoran"),
    ("宇轩", "yuxuan"),
    ("雨桐", "yutong"),
    ("思远", "siyuan"),
    ("俊杰", "junjie"),
    ("晓明", "xiaoming"),
    ("佳怡", "jiayi"),
    ("文博", "wenbo"),
    ("志强", "zhiqiang"),
    ("海燕", "haiyan"),
    ("婷婷", "tingting"),
    ("晨曦", "chenxi"),
    ("梦瑶", "mengyao"),
    ("子轩", "zixuan"),
    ("雅琪", "yaqi"),
    ("家豪", "jiahao"),
    ("天宇", "tianyu"),
    ("欣然", "xinran"),
    ("若曦", "ruoxi"),
    ("博文", "bowen"),
    ("诗涵", "shihan"),
    ("晓东", "xiaodong"),
    ("建国", "jianguo"),
    ("春梅", "chunmei"),
    ("玉兰", "yulan"),
    ("亚楠", "yanan"),
    ("立新", "lixin"),
    ("慧敏", "huimin"),
    ("振华", "zhenhua"),
    ("小雨", "xiaoyu"),
    ("嘉欣", "jiaxin"),
    ("明轩", "mingxuan"),
    ("紫琪", "ziqi"),
    ("国平", "guoping"),
)

EN_FIRST: tuple[str, ...] = (
    "Emma",
    "Olivia",
    "Ava",
    "Sophia",
    "Mia",
    "Isabella",
    "Charlotte",
    "Amelia",
    "Harper",
    "Evelyn",
    "Grace",
    "Chloe",
    "Hannah",
    "Lily",
    "Zoe",
    "Liam",
    "Noah",
    "Oliver",
    "Elijah",
    "James",
    "William",
    "Benjamin",
    "Lucas",
    "Henry",
    "Alexander",
    "Daniel",
    "Matthew",
    "Jack",
    "Ethan",
    "Samuel",
    "Ryan",
    "Nathan",
    "Priya",
    "Arjun",
    "Mei",
    "Kenji",
    "Sofia",
    "Mateo",
    "Aisha",
    "Omar",
)

EN_LAST: tuple[str, ...] = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Patel",
    "Nguyen",
    "Chen",
    "Kim",
    "Okafor",
    "Rossi",
    "Murphy",
    "O'Brien",
    "Fischer",
)

# (city, district/street pool)
ZH_CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("北京", ("朝阳区望京西路", "海淀区中关村大街", "东城区东四十条", "丰台区丽泽路")),
    ("上海", ("浦东新区张杨路", "徐汇区漕溪北路", "静安区南京西路", "闵行区七莘路")),
    ("广州", ("天河区天河北路", "越秀区东风中路", "海珠区新港西路")),
    ("深圳", ("南山区科技园南路", "福田区深南中路", "宝安区新安六路")),
    ("杭州", ("西湖区文三路", "滨江区江南大道", "余杭区五常大道")),
    ("成都", ("武侯区天府大道", "锦江区春熙路", "高新区益州大道")),
    ("南京", ("鼓楼区中山北路", "建邺区江东中路")),
    ("武汉", ("洪山区珞喻路", "江汉区解放大道")),
    ("西安", ("雁塔区小寨东路", "碑林区南大街")),
    ("重庆", ("渝北区金开大道", "渝中区解放碑步行街")),
    ("苏州", ("工业园区星湖街", "姑苏区人民路")),
    ("天津", ("南开区卫津路", "和平区南京路")),
    ("长沙", ("岳麓区麓山南路", "芙蓉区五一大道")),
    ("郑州", ("金水区花园路", "二七区大学路")),
    ("青岛", ("市南区香港中路", "崂山区海尔路")),
    ("厦门", ("思明区湖滨南路", "湖里区枋湖路")),
    ("宁波", ("鄞州区天童南路", "海曙区中山西路")),
    ("合肥", ("蜀山区长江西路", "包河区马鞍山路")),
    ("昆明", ("五华区人民中路", "盘龙区北京路")),
    ("沈阳", ("和平区南京北街", "浑南区创新路")),
)

# (city, country, phone country code or "" when we keep no phone, street pool)
# North American numbers are left out on purpose: core.identity treats an 11-digit number that
# starts with 1 as a mainland mobile without country code.
EN_CITIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("New York", "US", "", ("Bleecker Street", "Lexington Avenue", "West 86th Street")),
    ("San Francisco", "US", "", ("Valencia Street", "Divisadero Street")),
    ("Seattle", "US", "", ("Pine Street", "Fremont Avenue N")),
    ("Chicago", "US", "", ("N Clark Street", "W Armitage Avenue")),
    ("Austin", "US", "", ("South Congress Avenue", "East 6th Street")),
    ("Boston", "US", "", ("Newbury Street", "Beacon Street")),
    ("Los Angeles", "US", "", ("Sunset Boulevard", "Abbot Kinney Blvd")),
    ("Toronto", "CA", "", ("Queen Street West", "Spadina Avenue")),
    ("London", "UK", "44", ("Baker Street", "Upper Street", "Brick Lane")),
    ("Manchester", "UK", "44", ("Deansgate", "Oxford Road")),
    ("Sydney", "AU", "61", ("George Street", "Oxford Street")),
    ("Melbourne", "AU", "61", ("Collins Street", "Brunswick Street")),
    ("Singapore", "SG", "65", ("Orchard Road", "Tiong Bahru Road")),
    ("Auckland", "NZ", "64", ("Queen Street", "Ponsonby Road")),
)

ZH_EMAIL_DOMAINS = ("qq.com", "163.com", "126.com", "foxmail.com", "sina.com", "gmail.com")
EN_EMAIL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "icloud.com",
    "hotmail.com",
    "proton.me",
)

ZH_COMPANIES = (
    "上海云帆科技有限公司",
    "杭州青禾文化传媒有限公司",
    "深圳市启明星电子有限公司",
    "成都蜀锦餐饮管理有限公司",
    "北京木棉花教育咨询有限公司",
)
EN_COMPANIES = (
    "Brightline Studio LLC",
    "Northwind Trading Ltd",
    "Harbor & Pine Co.",
    "Kestrel Digital Pty Ltd",
)

# --------------------------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    category: str  # apparel | shoes | digital | home
    zh: str
    en: str
    cny_fen: int
    usd_cents: int


CATEGORY_NAMES = {
    "apparel": ("衣服", "Apparel"),
    "shoes": ("鞋", "Shoes"),
    "digital": ("数码", "Electronics"),
    "home": ("家居", "Home"),
}

CATALOG: tuple[Product, ...] = (
    Product("AP-TEE-01", "apparel", "纯棉宽松圆领T恤", "Relaxed Cotton Crew Tee", 7900, 1499),
    Product("AP-HOOD-02", "apparel", "加绒连帽卫衣", "Fleece-Lined Hoodie", 19900, 3999),
    Product("AP-JKT-03", "apparel", "轻薄羽绒服", "Packable Down Jacket", 49900, 8900),
    Product("AP-JEAN-04", "apparel", "高腰直筒牛仔裤", "High-Rise Straight Jeans", 25900, 4950),
    Product("AP-DRS-05", "apparel", "法式碎花连衣裙", "French Floral Midi Dress", 32900, 5900),
    Product("AP-CARD-06", "apparel", "羊毛混纺针织开衫", "Wool-Blend Knit Cardigan", 28900, 5400),
    Product("AP-SHRT-07", "apparel", "免烫商务衬衫", "Non-Iron Oxford Shirt", 16900, 3400),
    Product("AP-LEG-08", "apparel", "高弹瑜伽裤", "High-Stretch Yoga Leggings", 13900, 2800),
    Product("AP-COAT-09", "apparel", "双面羊毛大衣", "Double-Faced Wool Coat", 129900, 21900),
    Product("SH-RUN-01", "shoes", "缓震跑步鞋", "Cushioned Running Shoes", 59900, 10900),
    Product("SH-CNV-02", "shoes", "经典帆布鞋", "Classic Canvas Sneakers", 22900, 4500),
    Product("SH-BOOT-03", "shoes", "真皮切尔西靴", "Leather Chelsea Boots", 69900, 13900),
    Product("SH-SLP-04", "shoes", "居家棉拖鞋", "Cozy House Slippers", 5900, 1299),
    Product("SH-LOAF-05", "shoes", "软底乐福鞋", "Soft-Sole Loafers", 39900, 7900),
    Product("SH-HIKE-06", "shoes", "防水徒步鞋", "Waterproof Hiking Shoes", 75900, 12900),
    Product("DG-EAR-01", "digital", "主动降噪蓝牙耳机", "ANC Wireless Earbuds", 89900, 12900),
    Product(
        "DG-PB-02",
        "digital",
        "20000mAh 快充充电宝",
        "20,000mAh Fast-Charge Power Bank",
        19900,
        3999,
    ),
    Product("DG-WAT-03", "digital", "智能运动手表", "Smart Fitness Watch", 129900, 19900),
    Product(
        "DG-KB-04",
        "digital",
        "机械键盘（茶轴）",
        "Mechanical Keyboard (Brown Switches)",
        45900,
        7900,
    ),
    Product("DG-CAM-05", "digital", "2K 家用监控摄像头", "2K Home Security Camera", 29900, 4900),
    Product("DG-PAD-06", "digital", "11 英寸平板电脑 128GB", "11-inch Tablet 128GB", 249900, 34900),
    Product(
        "DG-PHN-07", "digital", "旗舰手机 12+256GB", "Flagship Phone 12GB+256GB", 599900, 79900
    ),
    Product(
        "DG-CBL-08",
        "digital",
        "Type-C 编织数据线 2 条装",
        "Braided USB-C Cable (2-Pack)",
        3900,
        999,
    ),
    Product("DG-SPK-09", "digital", "便携蓝牙音箱", "Portable Bluetooth Speaker", 34900, 5900),
    Product(
        "HM-BED-01",
        "home",
        "60 支长绒棉四件套",
        "600TC Long-Staple Cotton Bedding Set",
        69900,
        11900,
    ),
    Product("HM-PIL-02", "home", "慢回弹记忆枕", "Memory Foam Pillow", 18900, 3500),
    Product("HM-MUG-03", "home", "陶瓷马克杯两只装", "Ceramic Mug Set of 2", 6900, 1800),
    Product("HM-LMP-04", "home", "护眼台灯", "Eye-Care Desk Lamp", 23900, 4200),
    Product("HM-AIR-05", "home", "HEPA 空气净化器", "HEPA Air Purifier", 149900, 22900),
    Product(
        "HM-KNF-06", "home", "不锈钢刀具五件套", "Stainless Steel Knife Set (5 pcs)", 35900, 6900
    ),
    Product("HM-TWL-07", "home", "纯棉加厚浴巾", "Plush Cotton Bath Towel", 8900, 1900),
    Product("HM-DIF-08", "home", "香薰加湿器", "Aroma Diffuser Humidifier", 15900, 3200),
    Product("HM-VAC-09", "home", "无线手持吸尘器", "Cordless Stick Vacuum", 199900, 29900),
)

# colour variants (sku suffix, zh, en) for apparel and shoes
COLOURS: tuple[tuple[str, str, str], ...] = (
    ("WH", "白色", "White"),
    ("BK", "黑色", "Black"),
    ("OT", "燕麦色", "Oat"),
    ("NV", "藏青", "Navy"),
    ("GR", "灰色", "Grey"),
)
APPAREL_SIZES = ("S", "M", "L", "XL", "XXL")
SHOE_SIZES_ZH = ("36", "37", "38", "39", "40", "41", "42", "43", "44")
SHOE_SIZES_EN = ("US 6", "US 7", "US 8", "US 9", "US 10", "US 11")

# --------------------------------------------------------------------------------------------
# Carriers
# --------------------------------------------------------------------------------------------

ZH_CARRIERS = ("顺丰速运", "中通快递", "京东物流")
EN_CARRIERS = ("UPS", "FedEx", "USPS")

ZH_PAYMENT_METHODS = ("alipay", "alipay", "wechat_pay", "wechat_pay", "card")
EN_PAYMENT_METHODS = ("card", "card", "paypal")

# --------------------------------------------------------------------------------------------
# Conversation scenarios
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lines:
    """Templates for one scenario in one language, by the role they play in a conversation."""

    subject: tuple[str, ...]  # what the customer would put in an email subject
    open: tuple[str, ...]  # the customer's first message
    reply: tuple[str, ...]  # the agent's first answer (often: let me check)
    detail: tuple[str, ...]  # the customer's second message
    resolve: tuple[str, ...]  # the agent's answer that settles it
    ask: tuple[str, ...]  # the agent asks for something and waits (conversation pending)
    note: tuple[str, ...]  # internal notes between agents


@dataclass(frozen=True, slots=True)
class Scenario:
    key: str
    team: str  # "after_sales" | "pre_sales"
    zh: Lines
    en: Lines

    def lines(self, locale: str) -> Lines:
        return self.zh if locale == ZH else self.en


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "where_is_my_parcel",
        "after_sales",
        zh=Lines(
            subject=("物流查询：订单 {order_no}", "我的快递到哪了？", "包裹一直没更新"),
            open=(
                "你好，我的订单 {order_no} 显示已经发货了，可是物流好几天没更新了，能帮我看看到哪了吗？",
                "亲，在吗？{carrier}单号 {tracking_no} 一直卡在中转站，啥时候能到啊",
                "请问下订单 {order_no} 什么时候能送到？我这周末要出门，怕收不到",
                "我买的{item}到底发没发货呀，物流信息我看不懂，麻烦查一下 {order_no}",
            ),
            reply=(
                "您好，我是{agent}，这边马上帮您查一下 {order_no} 的物流，请稍等一两分钟哈~",
                "亲，收到~ 我先联系一下{carrier}核实包裹的实际位置，马上回复您",
                "您好{customer_name}，已经看到您的订单了，{carrier}单号是 {tracking_no}，我这边帮您催一下",
            ),
            detail=(
                "好的，麻烦快一点，那个东西我挺急着用的",
                "之前也是这样，说好两天到结果拖了一周…",
                "嗯嗯，顺便问下能不能直接送到我公司？",
            ),
            resolve=(
                "查到了，包裹目前在{city}转运中心，预计 {eta} 前派送，派件前快递员会电话联系您~",
                "已经帮您联系{carrier}加急处理了，单号 {tracking_no}，预计 {eta} 送达。如果到时候还没收到您直接找我",
                "亲，物流刚更新了，包裹已经到您所在城市的网点，今天或明天就能派送，预计最晚 {eta}",
            ),
            ask=(
                "麻烦您确认一下收件地址和电话是否正确？我好让{carrier}网点核对一下",
                "方便的话提供一下您门口或驿站的照片吗？我们需要跟快递公司核实签收情况",
            ),
            note=(
                "已在{carrier}后台提交催件工单，单号 {tracking_no}，明天上午跟进。",
                "客户第二次询问物流，情绪有点急，注意语气。",
            ),
        ),
        en=Lines(
            subject=(
                "Where is my order {order_no}?",
                "Tracking hasn't updated",
                "Package status question",
            ),
            open=(
                "Hi, my order {order_no} says shipped but the tracking hasn't moved in days. "
                "Can you check where it is?",
                "Hello! {carrier} tracking {tracking_no} has been stuck at the same facility "
                "since Monday. Any idea what's going on?",
                "When will order {order_no} arrive? I'm travelling next week and want to make "
                "sure I'm home.",
                "Hey, has my {item} actually shipped yet? The tracking link for {order_no} "
                "doesn't show much.",
            ),
            reply=(
                "Hi {customer_name}, this is {agent}. Let me look into {order_no} with the "
                "carrier for you, one moment please.",
                "Thanks for reaching out! I'm checking with {carrier} on tracking {tracking_no} "
                "right now.",
                "Hi there, {agent} here. I can see your order — give me a minute to pull up the "
                "latest scan events.",
            ),
            detail=(
                "Thanks. It's a gift so I really need it before the weekend.",
                "OK. Last time it also took way longer than the estimate...",
                "Sure. Could it be left with my building's front desk if I'm out?",
            ),
            resolve=(
                "Good news: the package is moving again and {carrier} now estimates delivery by "
                "{eta}. You can follow it with tracking number {tracking_no}.",
                "I've opened a trace with {carrier}. The parcel was delayed at a sorting hub and "
                "should reach you by {eta}. If it hasn't by then, reply here and I'll make it right.",
                "It's out of the hub and scheduled for delivery by {eta}. I've added a note asking "
                "the driver to leave it with reception.",
            ),
            ask=(
                "Could you confirm the shipping address on the order is still correct? I'll pass "
                "it on to {carrier} so they can double-check.",
                "Would you mind checking with neighbours or your building's mailroom? Let me know "
                "what you find and I'll take it from there.",
            ),
            note=(
                "Trace opened with {carrier} for {tracking_no}; follow up in 24h.",
                "Second contact about this parcel, customer is getting frustrated.",
            ),
        ),
    ),
    Scenario(
        "delivery_delay",
        "after_sales",
        zh=Lines(
            subject=("快递延误：{order_no}", "说好的时效怎么还没到", "物流异常怎么处理"),
            open=(
                "你们承诺的 48 小时送达，现在都第五天了，订单 {order_no} 还没到，怎么回事？",
                "物流显示“运输异常”，单号 {tracking_no}，这是丢件了吗？",
                "{carrier}那边说包裹滞留了，我的{item}还能不能到啊",
            ),
            reply=(
                "非常抱歉让您久等了，我是{agent}，马上帮您核实 {order_no} 的异常原因",
                "亲，理解您的心情，我这就联系{carrier}那边确认包裹状态，请稍等",
            ),
            detail=(
                "我都等了快一周了，要是再不到我就申请退款了",
                "能不能补偿一下？这次体验真的很差",
            ),
            resolve=(
                "核实清楚了：因为天气原因包裹在中转站滞留，现已恢复运输，预计 {eta} 送达。为表歉意给您账户补了一张 20 元无门槛券~",
                "{carrier}反馈包裹外箱破损已重新打包，今天已经重新发出，预计 {eta} 到。如果到时候还没收到，我们直接给您补发",
                "已确认包裹丢失，我们这边直接给您补发一单，新单号稍后短信通知，原订单不用您再操心了",
            ),
            ask=("麻烦您提供一下下单时填写的收件人电话后四位，我需要跟快递核对一下",),
            note=(
                "{carrier}网点反馈滞留，已申请丢件理赔流程，如 {eta} 仍未签收则补发。",
                "已给客户发 20 元无门槛券作为延误补偿。",
            ),
        ),
        en=Lines(
            subject=(
                "Order {order_no} is late",
                "Delivery exception on my package",
                "Still waiting on my delivery",
            ),
            open=(
                "My order {order_no} was supposed to arrive three days ago and it's still not "
                "here. What's going on?",
                'Tracking {tracking_no} says "delivery exception". Is my package lost?',
                "{carrier} says my parcel is delayed. Will my {item} still get here this week?",
            ),
            reply=(
                "I'm really sorry about the wait. I'm {agent} and I'll find out what happened "
                "with {order_no} right away.",
                "Apologies for the delay! Let me contact {carrier} about tracking {tracking_no}.",
            ),
            detail=(
                "I've been waiting over a week. If it doesn't come soon I'd rather get a refund.",
                "Honestly this is frustrating. Is there anything you can do?",
            ),
            resolve=(
                "Weather held the parcel at a {carrier} hub. It's moving again and should arrive by "
                "{eta}. I've added a $10 credit to your account for the trouble.",
                "The box was damaged in transit and has been repacked and sent back out. New "
                "estimate is {eta}; if it misses that, we'll ship a replacement at no cost.",
                "{carrier} confirmed the parcel is lost, so I've shipped a replacement today. "
                "You'll get the new tracking number by email shortly.",
            ),
            ask=(
                "Could you confirm the phone number on the order? {carrier} needs it to release "
                "the package from the exception queue.",
            ),
            note=(
                "Claim opened with {carrier}; reship if not delivered by {eta}.",
                "Gave $10 store credit as goodwill.",
            ),
        ),
    ),
    Scenario(
        "cancel_order",
        "after_sales",
        zh=Lines(
            subject=("申请取消订单 {order_no}", "订单不要了，怎么取消", "拍错了想取消"),
            open=(
                "你好，我刚拍的订单 {order_no} 拍错颜色了，能帮我取消吗？",
                "订单 {order_no} 不想要了，还没发货吧？麻烦取消一下",
                "我下单的时候地址写错了，干脆取消重拍吧，订单号 {order_no}",
            ),
            reply=(
                "您好，我是{agent}，我看一下 {order_no} 现在的状态，如果仓库还没打包就能直接取消~",
                "收到，马上帮您拦截订单，请稍等",
            ),
            detail=(
                "好的，钱是原路退回吗？大概多久到账？",
                "谢谢，我重新拍一单正确的",
            ),
            resolve=(
                "已经帮您取消成功啦，{amount} 会原路退回，一般 1-3 个工作日到账，请留意支付账户的通知~",
                "订单 {order_no} 已取消，仓库那边也拦截住了。退款 {amount} 已提交，支付宝/微信一般当天到账，银行卡 3-5 个工作日",
            ),
            ask=(
                "仓库显示已经在打包了，我先帮您申请拦截，成功与否大概半小时内有结果，您看可以吗？",
            ),
            note=(
                "仓库已拦截 {order_no}，退款待财务确认。",
                "客户要求取消，已在 ERP 标记“不发货”。",
            ),
        ),
        en=Lines(
            subject=("Cancel order {order_no}", "Please cancel my order", "Ordered the wrong item"),
            open=(
                "Hi, I just placed order {order_no} and picked the wrong colour. Can you cancel "
                "it?",
                "I'd like to cancel {order_no} please, I found it cheaper elsewhere. It hasn't "
                "shipped yet, right?",
                "Please cancel {order_no}, I entered the wrong address and will re-order.",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Let me check whether {order_no} has left the "
                "warehouse yet.",
                "No problem, I'll try to stop it before it's packed. One moment.",
            ),
            detail=(
                "Thanks. Will the money go back to my card?",
                "Great, I'll place a new one with the right colour.",
            ),
            resolve=(
                "Done! {order_no} is cancelled and {amount} is on its way back to your original "
                "payment method. Cards usually take 3–5 business days.",
                "All set, the warehouse stopped the order before packing. Your refund of {amount} "
                "has been issued; PayPal refunds usually show up within a day.",
            ),
            ask=(
                "The order is already being packed. I've asked the warehouse to intercept it and "
                "will let you know within the hour whether that worked — OK?",
            ),
            note=(
                "Warehouse intercept requested for {order_no}.",
                "Cancelled per customer request, refund pending finance.",
            ),
        ),
    ),
    Scenario(
        "address_change",
        "after_sales",
        zh=Lines(
            subject=("修改收货地址 {order_no}", "地址填错了", "能改一下配送地址吗"),
            open=(
                "你好，订单 {order_no} 地址填错了，能改成 {new_address} 吗？",
                "我下周出差，能把订单 {order_no} 改寄到 {new_address} 吗",
                "亲，收件地址少写了门牌号，能帮我改一下吗？订单 {order_no}",
            ),
            reply=(
                "您好，我是{agent}，我看一下订单 {order_no} 现在能不能改地址，请稍等",
                "收到~ 如果还没出库可以直接改；已经发货的话我帮您联系{carrier}改派",
            ),
            detail=(
                "新地址是 {new_address}，收件人和电话不变",
                "好的，麻烦尽快，怕快递已经送出去了",
            ),
            resolve=(
                "已经帮您把地址改成 {new_address}，系统里也更新好了，发货后会按新地址派送~",
                "包裹已发出，我已联系{carrier}改派到 {new_address}，预计 {eta} 送达，改派可能会晚一天，请您谅解",
            ),
            ask=(
                "麻烦您把完整的新地址（省市区+街道门牌+收件人+电话）发我一下，我这边核对后提交修改",
            ),
            note=(
                "已在{carrier}后台提交改派申请，新地址：{new_address}。",
                "地址已在 ERP 修改，提醒仓库按新面单打印。",
            ),
        ),
        en=Lines(
            subject=(
                "Change shipping address for {order_no}",
                "Wrong address on my order",
                "Can I update the delivery address?",
            ),
            open=(
                "Hi, I put the wrong address on {order_no}. Can you change it to {new_address}?",
                "I'll be away next week — could {order_no} be shipped to {new_address} instead?",
                "I forgot my apartment number on order {order_no}. Can I still fix that?",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Let me see if {order_no} can still be updated.",
                "Sure! If it hasn't left the warehouse I can change it directly; otherwise I'll ask "
                "{carrier} to redirect it.",
            ),
            detail=(
                "The new address is {new_address}, same name and phone.",
                "Thanks, please hurry — I'm worried it's already out for delivery.",
            ),
            resolve=(
                "Updated! {order_no} will now ship to {new_address}.",
                "It had already shipped, so I've asked {carrier} to redirect it to {new_address}. "
                "Redirects can add a day; the new estimate is {eta}.",
            ),
            ask=(
                "Could you send me the full new address, including apartment number and postcode? "
                "I'll update it as soon as I have it.",
            ),
            note=(
                "Redirect requested with {carrier} to {new_address}.",
                "Address updated in the OMS before label printing.",
            ),
        ),
    ),
    Scenario(
        "payment_failed",
        "pre_sales",
        zh=Lines(
            subject=("付款失败", "支付一直不成功", "订单 {order_no} 付不了款"),
            open=(
                "我付款的时候一直提示“支付失败”，订单 {order_no}，钱到底扣没扣？",
                "买{item}用微信付款显示交易异常，换了支付宝也不行，怎么办",
                "订单 {order_no} 付款的时候页面一直转圈，最后提示超时，现在不敢再付了，怕扣两次钱",
                "银行卡付 {amount} 扣款了但是订单还是待付款状态，这是什么情况？",
            ),
            reply=(
                "您好，我是{agent}，别着急，我先帮您查一下订单 {order_no} 的支付记录",
                "亲，支付失败一般是银行风控或者限额的原因，我帮您看下具体的报错",
            ),
            detail=(
                "银行短信说扣了 {amount}，但是你们这边显示没付",
                "我换了张卡还是不行，是不是你们系统有问题",
            ),
            resolve=(
                "查到了，这笔是银行预授权，钱没有真正扣走，一般 24 小时内自动解冻。您可以重新用支付宝付款，订单会为您保留到今晚 24 点~",
                "已经确认是银行那边单笔限额导致的，建议您换成支付宝或微信支付。如果重复扣款，我们会在 1-3 个工作日内自动原路退回",
            ),
            ask=("麻烦截图一下付款失败的提示页面发我，包括错误码，我好提交给支付渠道排查",),
            note=(
                "支付渠道返回 51（余额不足/限额），非系统问题。",
                "已确认重复扣款一笔，财务会自动冲正。",
            ),
        ),
        en=Lines(
            subject=(
                "Payment failed",
                "Card keeps getting declined",
                "Charged but order {order_no} unpaid",
            ),
            open=(
                "My card keeps getting declined at checkout for order {order_no}. Was I charged?",
                "PayPal says the payment didn't go through but I see a pending charge of {amount}. "
                "Help?",
                'I\'ve tried three cards for the {item} and checkout just says "payment failed". '
                "What am I doing wrong?",
                "Checkout for {order_no} timed out while paying and now I'm scared to try again in "
                "case I get charged twice.",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Let me look at the payment attempts on "
                "{order_no}.",
                "Sorry about that! Declines usually come from the bank's fraud checks — let me see "
                "what error we got.",
            ),
            detail=(
                "My bank app shows {amount} pending but your site says unpaid.",
                "It works on other sites, so I don't think it's my card.",
            ),
            resolve=(
                "That pending {amount} is only an authorisation hold and will drop off within a few "
                "days. I've reset the payment on {order_no} — please try again with PayPal and it "
                "should go through.",
                "Your bank flagged the charge as unusual. If you approve it in your banking app "
                "and retry, it'll work. Your order stays reserved until midnight.",
            ),
            ask=(
                "Could you send me a screenshot of the error message, including any error code? "
                "I'll check it with our payment provider.",
            ),
            note=(
                "Gateway response: do_not_honor — issuer decline, not our side.",
                "Duplicate authorisation, will auto-void.",
            ),
        ),
    ),
    Scenario(
        "size_advice",
        "pre_sales",
        zh=Lines(
            subject=("尺码咨询：{item}", "不知道选哪个码", "想问下尺码偏大还是偏小"),
            open=(
                "你好，{item}我{height}、{weight}，穿什么码合适？",
                "请问{item}尺码偏大还是偏小？我平时穿 {size}",
                "想给男朋友买{item}，他{height}，偏瘦，选哪个码好呀",
            ),
            reply=(
                "您好，我是{agent}~ 这款版型是{size}码比较常见，我帮您对照一下尺码表",
                "亲，这款是宽松版型，我先看看您的身高体重对应哪一码哈",
            ),
            detail=(
                "我肩比较宽，平时上衣会买大一码",
                "想穿得稍微宽松一点，冬天里面要穿毛衣",
            ),
            resolve=(
                "按您{height}、{weight}的情况，建议选 {size} 码，正常偏宽松；如果想贴身一点可以小一码。不合适支持 7 天无理由退换~",
                "这款鞋偏小半码，建议您选比平时大一码，也就是 {size}。到手不合适可以免费换码，运费我们承担",
            ),
            ask=("方便告诉我一下您的肩宽和胸围吗？这款比较挑肩宽，我帮您精确推荐",),
            note=("这款近期反馈偏小，推荐客户大一码。",),
        ),
        en=Lines(
            subject=(
                "Size question: {item}",
                "Which size should I get?",
                "Does the {item} run small?",
            ),
            open=(
                "Hi! I'm {height}, {weight}. Which size of the {item} would fit me?",
                "Does the {item} run true to size? I usually wear {size}.",
                "Buying the {item} as a gift for my brother, he's {height} and slim. What size?",
            ),
            reply=(
                "Hi {customer_name}, {agent} here! Happy to help — let me check the size chart "
                "for you.",
                "Great question. That one has a relaxed fit, let me compare it with your "
                "measurements.",
            ),
            detail=(
                "I have broad shoulders, so I often size up in tops.",
                "I'd like it a little roomy so I can layer underneath.",
            ),
            resolve=(
                "Based on {height} and {weight}, I'd go with {size} — it'll be relaxed but not "
                "baggy. Exchanges are free within 30 days if it's not right.",
                "That style runs about half a size small, so I'd recommend {size}. If it doesn't "
                "fit, we'll swap it for free.",
            ),
            ask=(
                "Could you tell me your chest and shoulder measurements? This cut is a bit "
                "tighter across the shoulders and I want to get it right.",
            ),
            note=("Several customers say this style runs small; recommend sizing up.",),
        ),
    ),
    Scenario(
        "product_question",
        "pre_sales",
        zh=Lines(
            subject=("商品咨询：{item}", "想了解一下{item}", "下单前问几个问题"),
            open=(
                "你好，{item}支持全国联保吗？发票能开吗？",
                "请问{item}和上一代比有什么区别，值得换吗",
                "{item}现在有现货吗？今天下单什么时候能发",
                "想问下{item}的材质，会不会起球/有异味？",
            ),
            reply=(
                "您好，我是{agent}，很高兴为您服务~ 这个问题我帮您查一下详细参数",
                "亲，这款是我们店的热销款，我给您详细说一下",
            ),
            detail=(
                "那续航/耐用性怎么样？我主要是通勤用",
                "好的，那有没有优惠活动？",
            ),
            resolve=(
                "{item}有现货，今天 16 点前付款当天发出，支持全国联保一年、7 天无理由。发票下单时勾选就能开电子普票~",
                "这款升级了材质和做工，日常使用完全够用。现在下单还送运费险，收到不满意可以退",
            ),
            ask=("您主要是在什么场景下使用呢？告诉我一下我帮您推荐最合适的型号",),
            note=("客户关注质保，可推荐延保服务。",),
        ),
        en=Lines(
            subject=(
                "Question about the {item}",
                "Before I buy: {item}",
                "Is the {item} in stock?",
            ),
            open=(
                "Hi, does the {item} come with a warranty? How long?",
                "What's the difference between the {item} and last year's model? Worth upgrading?",
                "Is the {item} in stock? If I order today when would it ship?",
                "What material is the {item} made of? Is it machine washable?",
            ),
            reply=(
                "Hi {customer_name}, I'm {agent}. Great question — let me pull up the details.",
                "Thanks for asking! That's one of our best sellers, here's what I know.",
            ),
            detail=(
                "How's the battery life / durability? It's mostly for my commute.",
                "Cool. Are there any discounts running right now?",
            ),
            resolve=(
                "The {item} is in stock: order before 2 pm and it ships the same day. It has a "
                "1-year warranty and free returns within 30 days.",
                "It's a solid upgrade in materials and build. Machine wash cold, hang dry, and it "
                "holds up well. You can return it free within 30 days if it's not for you.",
            ),
            ask=(
                "What will you mostly use it for? Let me know and I'll recommend the right model.",
            ),
            note=("Customer cares about warranty, mention extended protection plan.",),
        ),
    ),
    Scenario(
        "coupon_promotion",
        "pre_sales",
        zh=Lines(
            subject=("优惠券用不了", "活动价问题", "{coupon} 怎么使用"),
            open=(
                "我领的 {coupon} 优惠券结算的时候用不了，提示不满足条件，怎么回事？",
                "昨天刚买的{item}今天就降价了，能退差价吗？",
                "请问双 11 的{coupon}活动能和店铺券叠加吗",
            ),
            reply=(
                "您好，我是{agent}，我帮您看一下这张券的使用规则哈",
                "亲，我先查一下活动规则和您的订单，请稍等~",
            ),
            detail=(
                "我购物车里的东西加起来已经满了呀",
                "那我现在退了重新买是不是就能用了？",
            ),
            resolve=(
                "这张{coupon}券仅限指定商品使用，您购物车里有两件不参与活动，去掉之后就能用啦~",
                "已经帮您申请价保，差价 {amount} 会在 24 小时内退回原支付账户，不用退货重拍~",
            ),
            ask=("麻烦截图一下结算页面的提示发给我，我帮您确认是哪个条件不满足",),
            note=(
                "价保已申请，差价 {amount}。",
                "活动券不可与店铺券叠加，已向客户解释。",
            ),
        ),
        en=Lines(
            subject=(
                "Coupon not working",
                "Price dropped after I bought",
                "How do I use {coupon}?",
            ),
            open=(
                "The code {coupon} says it's not valid for my cart. Why?",
                "I bought the {item} yesterday and today it's cheaper. Can I get the difference "
                "back?",
                "Can I combine {coupon} with the student discount?",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Let me check the terms on that code.",
                "Happy to look into it! Checking the promotion rules and your order now.",
            ),
            detail=(
                "My cart is well over the minimum though.",
                "Would I have to return it and re-buy to get the lower price?",
            ),
            resolve=(
                "{coupon} only applies to full-price items, and two items in your cart are already "
                "on sale. Remove those and the code works.",
                "No need to return anything! Our price guarantee covers it; I've refunded the "
                "{amount} difference to your original payment method.",
            ),
            ask=(
                "Could you send a screenshot of the checkout message? I'll see which condition "
                "isn't met.",
            ),
            note=(
                "Price adjustment of {amount} approved.",
                "Codes don't stack; explained to customer.",
            ),
        ),
    ),
    Scenario(
        "damaged_item",
        "after_sales",
        zh=Lines(
            subject=("收到的商品破损", "{item} 坏了", "订单 {order_no} 商品有问题"),
            open=(
                "刚收到的{item}外包装压坏了，东西也有裂痕，订单 {order_no}，怎么处理？",
                "拆开发现{item}是坏的，根本用不了，气死了",
                "你好，{order_no} 里的{item}有明显划痕，像是别人退回来的",
            ),
            reply=(
                "非常抱歉给您带来不好的体验，我是{agent}，麻烦您拍几张商品和外包装的照片发我一下",
                "亲，真的很抱歉！您别着急，我这边马上给您处理，先麻烦拍个照片",
            ),
            detail=(
                "照片发你了，你看这个裂缝",
                "拍好了，外箱都压扁了，快递员也没让我验货",
            ),
            resolve=(
                "看到照片了，确实是运输破损。给您两个方案：1）免费补发一件新的，今天就发；2）直接退款 {amount}。您选哪个都行~",
                "已经为您安排免费换新，新的{item}今天发出，{carrier}单号稍后短信给您，破损的那件快递员上门取件，不用您出运费",
                "给您申请了 {amount} 的补偿，原路退回，商品您留着就行，实在抱歉",
            ),
            ask=("麻烦您再拍一张外箱面单的照片，我们需要跟{carrier}申请理赔",),
            note=(
                "破损照片已存档，已向{carrier}发起理赔。",
                "同批次已有 3 起破损反馈，已通知仓库加强包装。",
            ),
        ),
        en=Lines(
            subject=("Item arrived damaged", "Broken {item}", "Problem with order {order_no}"),
            open=(
                "My {item} from order {order_no} arrived with a cracked casing. The box was "
                "crushed too.",
                "Just opened my {item} and it doesn't work at all. Really disappointed.",
                "The {item} in {order_no} has scratches all over it, looks used.",
            ),
            reply=(
                "I'm so sorry about that! I'm {agent}. Could you send a couple of photos of the "
                "item and the box?",
                "That's not the experience we want for you, {customer_name}. Let's fix it — could "
                "you share a photo of the damage?",
            ),
            detail=(
                "Photos attached. You can see the crack on the side.",
                "Here you go. The box was dented when the driver handed it over.",
            ),
            resolve=(
                "Thanks for the photos — that's clearly transit damage. I can ship a replacement "
                "today or refund {amount}, whichever you prefer.",
                "A replacement {item} is on its way today; you'll get {carrier} tracking by email. "
                "No need to send the damaged one back.",
                "I've refunded {amount} as compensation and you can keep the item. Sorry again!",
            ),
            ask=(
                "Could you also send a photo of the shipping label? We need it for the claim with "
                "{carrier}.",
            ),
            note=(
                "Photos saved; damage claim filed with {carrier}.",
                "Third damage report on this SKU this week — flagged to warehouse.",
            ),
        ),
    ),
    Scenario(
        "return_exchange",
        "after_sales",
        zh=Lines(
            subject=("申请退换货 {order_no}", "{item} 想换个尺码", "七天无理由退货"),
            open=(
                "你好，{item}尺码小了，想换大一码，订单 {order_no}",
                "买的{item}颜色跟图片差太多了，想退货",
                "七天无理由能退吗？{order_no} 还没拆封",
            ),
            reply=(
                "您好，我是{agent}，可以的~ 我帮您看一下 {order_no} 的退换条件",
                "亲，没问题，商品不影响二次销售都可以退换，我帮您操作",
            ),
            detail=(
                "吊牌都在的，就试穿了一下",
                "要换的话运费谁出呀？",
            ),
            resolve=(
                "已为您提交换货申请，明天上午快递员上门取件，收到退货后 24 小时内给您发出 {size} 码，运费我们承担~",
                "退货申请已通过，请在 7 天内寄回，仓库签收后 {amount} 会在 1-3 个工作日内原路退回",
            ),
            ask=("麻烦在订单页面点一下“申请退换”并选择原因，提交后告诉我，我这边立刻审核",),
            note=(
                "换货单已生成，等待上门取件。",
                "客户近半年退货较多，按规则正常处理即可。",
            ),
        ),
        en=Lines(
            subject=(
                "Return request for {order_no}",
                "Exchange {item} for a different size",
                "How do I return this?",
            ),
            open=(
                "Hi, the {item} is too small. Can I exchange it for a bigger size? Order "
                "{order_no}.",
                "The colour of the {item} looks nothing like the photos. I'd like to return it.",
                "Can I still return {order_no}? It's unopened.",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Absolutely, let me set that up for {order_no}.",
                "Sure thing! As long as it's unworn with tags, we can take it back.",
            ),
            detail=(
                "Tags are still on, I only tried it on once.",
                "Do I have to pay for return shipping?",
            ),
            resolve=(
                "Your exchange is set up: a prepaid {carrier} label is in your inbox, and we'll "
                "ship size {size} as soon as the return is scanned.",
                "Return approved. Drop it off within 30 days with the prepaid label; your refund "
                "of {amount} is issued when it reaches our warehouse.",
            ),
            ask=(
                "Could you start the return from your order page and pick a reason? Let me know "
                "once it's submitted and I'll approve it straight away.",
            ),
            note=(
                "Exchange created, waiting for return scan.",
                "High return rate customer, but within policy.",
            ),
        ),
    ),
    Scenario(
        "refund_status",
        "after_sales",
        zh=Lines(
            subject=("退款进度查询 {order_no}", "退款什么时候到账", "退款还没收到"),
            open=(
                "你好，我订单 {order_no} 申请的退款怎么还没到账？都一周了",
                "退货已经寄回去好几天了，{amount} 什么时候退给我？",
                "请问退款是退到哪里？我支付宝里没看到",
            ),
            reply=(
                "您好，我是{agent}，我帮您查一下 {order_no} 的退款进度，请稍等",
                "亲，不好意思让您久等了，我马上核实退款状态",
            ),
            detail=(
                "我是用花呗付的，会不会退到花呗里了？",
                "麻烦快一点，这钱我等着用",
            ),
            resolve=(
                "查到了，退款 {amount} 已于昨天原路退回，花呗支付的会退回到花呗额度里，您可以在支付宝账单里查看~",
                "仓库已经签收您的退货，退款 {amount} 刚刚已经打款，银行卡一般 1-3 个工作日到账，请留意",
            ),
            ask=("麻烦提供一下退货快递的单号，我让仓库尽快核实签收",),
            note=(
                "退款 {amount} 财务已审核，等待银行到账。",
                "仓库签收延迟，已催促质检。",
            ),
        ),
        en=Lines(
            subject=(
                "Refund status for {order_no}",
                "Where's my refund?",
                "Still waiting on refund",
            ),
            open=(
                "Hi, I returned {order_no} over a week ago and still haven't seen my refund.",
                "When will I get the {amount} back? The return was delivered to you on Monday.",
                "Which account does the refund go to? I don't see it on my card.",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Let me check the refund on {order_no}.",
                "Sorry for the wait! Looking up the refund status now.",
            ),
            detail=(
                "I paid with PayPal if that matters.",
                "I really need it before my card statement closes.",
            ),
            resolve=(
                "Your refund of {amount} was issued yesterday to the original payment method. "
                "Banks usually post it within 3–5 business days.",
                "The warehouse just finished checking your return and I've released the refund of "
                "{amount}. PayPal refunds are usually instant.",
            ),
            ask=(
                "Could you send me the return tracking number? I'll ask the warehouse to check it "
                "in right away.",
            ),
            note=(
                "Refund {amount} released by finance.",
                "Return was stuck in QC, escalated.",
            ),
        ),
    ),
    Scenario(
        "invoice",
        "after_sales",
        zh=Lines(
            subject=("开发票 {order_no}", "发票抬头修改", "需要增值税专用发票"),
            open=(
                "你好，订单 {order_no} 能开增值税专用发票吗？公司报销要用",
                "发票抬头开错了，能重开吗？订单 {order_no}",
                "请问 {order_no} 的电子发票在哪里下载？找了半天没找到",
                "买{item}的时候忘记勾选开发票了，现在还能补开吗？",
            ),
            reply=(
                "您好，我是{agent}，可以开的，麻烦提供一下公司名称和税号",
                "亲，没问题，我先看一下 {order_no} 的开票状态，请稍等",
            ),
            detail=(
                "抬头开我们公司的，税号我稍后发你",
                "好的，开好了发我邮箱就行",
            ),
            resolve=(
                "电子发票已开具，金额 {amount}，已发送到您的邮箱，也可以在“订单详情-发票”里下载~",
                "专票已经提交财务，3 个工作日内开出，纸质专票会用顺丰寄给您，单号出来后我短信通知您",
            ),
            ask=("麻烦提供一下公司全称、纳税人识别号、开户行及账号，专票需要这些信息",),
            note=("专票信息已提交财务，等待开具。",),
        ),
        en=Lines(
            subject=("Invoice for {order_no}", "Need a VAT invoice", "Company name on receipt"),
            open=(
                "Hi, could I get an invoice for {order_no} with my company name on it?",
                "The invoice for {order_no} has the wrong billing address. Can you reissue it?",
                "Where can I download the receipt for {order_no}? Need it for expenses.",
                "I forgot to add my company details when I bought the {item}. Can you add them "
                "to the invoice?",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. Sure — what company name and VAT number should "
                "go on it?",
                "No problem, let me check the invoice status on {order_no}.",
            ),
            detail=(
                "Company details below, thanks!",
                "Email is fine, same address as my account.",
            ),
            resolve=(
                "Your invoice for {amount} is attached and also downloadable from Order details > "
                "Invoice.",
                "Corrected invoice issued and emailed to you. The old one has been voided.",
            ),
            ask=(
                "Could you send your company's legal name, VAT number and billing address? I'll "
                "issue the invoice as soon as I have them.",
            ),
            note=("Invoice reissued; old one voided in accounting.",),
        ),
    ),
    Scenario(
        "account_login",
        "after_sales",
        zh=Lines(
            subject=("账号登录不了", "收不到验证码", "手机号换了怎么办"),
            open=(
                "我登录一直收不到短信验证码，{contact}，怎么办？",
                "手机号换了，旧号码绑定的账号还能找回吗？",
                "账号被锁定了，说我异常登录，我就是换了个手机而已",
                "{contact}登录一直提示密码错误，可我确定没记错，账号是不是被盗了？",
            ),
            reply=(
                "您好，我是{agent}，我帮您看一下账号状态，为了安全需要先核实一下身份哈",
                "亲，别担心，账号找回是可以的，我先帮您核对一下信息",
            ),
            detail=(
                "我最近一笔订单是上个月买的{item}",
                "验证码我试了好几次，60 秒后重发也没收到",
            ),
            resolve=(
                "身份核实通过，已帮您解除锁定，现在可以正常登录了。建议您在“账号安全”里开启登录保护~",
                "已经把您账号的绑定手机更换好了，以后用新号码登录就行，旧号码已解绑",
            ),
            ask=("麻烦提供一下最近一笔订单的收件人姓名和下单时间，用于核实身份",),
            note=("风控误判锁定，已人工解锁。",),
        ),
        en=Lines(
            subject=("Can't log in", "Not receiving verification code", "Account locked"),
            open=(
                "I'm not getting the verification code when I try to log in ({contact}).",
                "I changed my email address, how do I get back into my account?",
                "My account got locked after I logged in from my new phone. Can you unlock it?",
                'I keep getting "incorrect password" for {contact} even after a reset. Was my '
                "account hacked?",
            ),
            reply=(
                "Hi {customer_name}, {agent} here. I can help — first I need to verify it's you.",
                "No worries, we'll get you back in. Let me check your account.",
            ),
            detail=(
                "My last order was the {item}, about a month ago.",
                "I've tried resending the code several times.",
            ),
            resolve=(
                "Thanks, you're verified and the lock is removed. You should be able to log in "
                "now. I'd recommend turning on two-step verification in Account settings.",
                "I've updated the email on your account; use the new one to log in from now on.",
            ),
            ask=(
                "Could you tell me the shipping postcode and the date of your most recent order? "
                "I'll use that to verify your identity.",
            ),
            note=("Fraud rule false positive, unlocked manually.",),
        ),
    ),
    Scenario(
        "warranty_repair",
        "after_sales",
        zh=Lines(
            subject=("保修维修 {item}", "{item} 出故障了", "在保修期内能修吗"),
            open=(
                "{item}用了两个月突然充不进电了，订单 {order_no}，还在保修期吧？",
                "你好，{item}屏幕有一块亮点，能保修吗",
                "买的{item}连不上蓝牙了，重置也没用",
            ),
            reply=(
                "您好，我是{agent}，很抱歉设备出问题了，我先帮您确认一下保修状态",
                "亲，在保修期内的，您先试一下长按电源键 10 秒强制重启，看看能不能恢复？",
            ),
            detail=(
                "试过了，还是不行",
                "我人在{city}，有没有线下维修点？",
            ),
            resolve=(
                "确认在一年保修期内，已给您生成寄修单，快递员上门取件，修好后 7 个工作日内寄回，全程免费~",
                "检测属于质量问题，直接给您换新，新机 {eta} 前送到，旧机交给快递员带走就行",
            ),
            ask=("麻烦拍一段故障的视频发我一下，维修中心需要先确认问题",),
            note=("已建寄修单，维修中心预计 7 个工作日。",),
        ),
        en=Lines(
            subject=("Warranty claim: {item}", "{item} stopped working", "Repair under warranty?"),
            open=(
                "My {item} from order {order_no} stopped charging after two months. It's still "
                "under warranty, right?",
                "There's a dead pixel on my {item}. Is that covered?",
                "My {item} won't pair over Bluetooth anymore, even after a reset.",
            ),
            reply=(
                "Hi {customer_name}, I'm {agent}. Sorry it's acting up — let me check the "
                "warranty.",
                "That should be covered. Before we ship it in, could you hold the power button for "
                "10 seconds to force a restart and see if that helps?",
            ),
            detail=(
                "Tried that, still nothing.",
                "Is there a repair shop near {city}?",
            ),
            resolve=(
                "You're within the 1-year warranty. I've emailed a prepaid {carrier} label; the "
                "repair takes about 7 business days and is free.",
                "Our technicians confirmed it's a defect, so we're sending a brand-new unit, "
                "arriving by {eta}. Just hand the old one to the courier.",
            ),
            ask=(
                "Could you send a short video showing the problem? The repair centre asks for one "
                "before approving.",
            ),
            note=("RMA created, repair centre ETA 7 business days.",),
        ),
    ),
)

SCENARIO_BY_KEY: dict[str, Scenario] = {s.key: s for s in SCENARIOS}

# --------------------------------------------------------------------------------------------
# Shared lines
# --------------------------------------------------------------------------------------------

EXTRA_ORDER: dict[str, tuple[str, ...]] = {
    ZH: ("订单号是 {order_no}", "单号 {order_no}，麻烦了", "补充一下，订单是 {order_no}"),
    EN: (
        "Order number is {order_no}.",
        "It's order {order_no} btw.",
        "Forgot to say — {order_no}.",
    ),
}

EXTRA_ANY: dict[str, tuple[str, ...]] = {
    ZH: ("挺急的，麻烦快点处理", "在吗？", "有人吗", "麻烦尽快回复，谢谢", "？？"),
    EN: (
        "Hello?",
        "Is anyone there?",
        "It's a bit urgent, thanks.",
        "Any update?",
        "Please get back to me soon.",
    ),
}

NUDGE: dict[str, tuple[str, ...]] = {
    ZH: ("还在吗？", "怎么没人回复了", "查到了吗？", "等了好久了…", "麻烦快点，谢谢", "在吗在吗"),
    EN: (
        "Still there?",
        "Any news?",
        "Hello? Been waiting a while.",
        "Any luck?",
        "Following up on this.",
    ),
}

THANKS: dict[str, tuple[str, ...]] = {
    ZH: (
        "好的，谢谢！",
        "好的收到，辛苦了",
        "明白了，谢谢亲",
        "行，那我等着",
        "OK 谢谢",
        "太好了，效率真高👍",
        "好吧，希望这次别再出问题了",
    ),
    EN: (
        "Great, thanks!",
        "Perfect, appreciate it.",
        "OK, thank you.",
        "That works, thanks for the quick help!",
        "Thanks {agent}!",
        "Alright, fingers crossed.",
    ),
}

CLOSE: dict[str, tuple[str, ...]] = {
    ZH: (
        "不客气~ 还有其他问题随时找我哦，祝您生活愉快！",
        "不客气，给您带来不便很抱歉，有问题随时联系~",
        "应该的～后续有任何问题直接在这里留言就行",
        "好的亲，那先这样，祝您购物愉快~",
    ),
    EN: (
        "You're welcome! Anything else, just reply here.",
        "Happy to help, have a great day!",
        "Glad that's sorted. Take care!",
        "No problem at all — enjoy your order!",
    ),
}

PROMISE: dict[str, tuple[str, ...]] = {  # the agent promises to come back later (snoozed)
    ZH: (
        "我这边已经提交给相关部门核实了，{days}天内给您答复，您先忙~",
        "这个需要跟相关同事确认一下，明天下午前我主动联系您，请放心",
        "已经帮您登记了，有结果第一时间通知您",
    ),
    EN: (
        "I've passed this to the team that handles it and will get back to you within {days} days.",
        "I need to check with a colleague on this and will update you tomorrow.",
        "It's logged on our side — I'll message you as soon as I have an answer.",
    ),
}

ANSWER: dict[str, tuple[str, ...]] = {  # the customer answers the agent's question
    ZH: (
        "好的，已经发给你了，你看一下",
        "发了，你看看行不行",
        "信息我发在上面了",
        "好，稍等我拍一下…发过去了",
    ),
    EN: (
        "Sent!",
        "Here you go, just sent it over.",
        "Done, let me know if you need anything else.",
        "OK, attached now.",
    ),
}

SHARE_NOTE: dict[str, tuple[str, ...]] = {  # a note when an expert is invited
    ZH: (
        "@{expert} {carrier}那边一直没给明确答复，麻烦帮忙看看这个包裹 {tracking_no}",
        "@{expert} 这个订单 {order_no} 情况比较复杂，客户是老客户，麻烦协助一下",
        "@{expert} 退款/理赔这块我拿不准，帮忙看下怎么处理比较好",
    ),
    EN: (
        "@{expert} {carrier} keeps giving vague answers on {tracking_no}, could you take a look?",
        "@{expert} order {order_no} is a tricky one and the customer is a regular — can you help?",
        "@{expert} not sure how to handle the claim here, would appreciate your eyes on it.",
    ),
}

GENERIC_NOTES: dict[str, tuple[str, ...]] = {
    ZH: (
        "老客户，语气可以亲切一些。",
        "客户情绪比较激动，注意安抚。",
        "已同步给主管知悉。",
        "同类问题本周第 4 起，记录到周报。",
    ),
    EN: (
        "Long-time customer, keep it friendly.",
        "Customer is upset, be careful with tone.",
        "Flagged to supervisor for visibility.",
        "Same issue came up 4 times this week.",
    ),
}

SYSTEM_ASSIGNED = {ZH: "会话已分配给 {agent}", EN: "Conversation assigned to {agent}"}
SYSTEM_QUEUED = {ZH: "会话已进入{team}队列，等待客服接入", EN: "Conversation queued for {team}"}
SYSTEM_RESOLVED = {
    ZH: "{agent} 已将会话标记为已解决",
    EN: "{agent} marked the conversation resolved",
}
SYSTEM_SHARED = {ZH: "{agent} 邀请了 {expert} 协助处理", EN: "{agent} invited {expert} to help"}
SYSTEM_SNOOZED = {ZH: "会话已暂停，将于 {until} 提醒", EN: "Snoozed until {until}"}
SYSTEM_TRANSFER = {ZH: "会话已从 售前 转接至 售后", EN: "Transferred from Pre-sales to After-sales"}

TEAM_LABEL = {
    "after_sales": {ZH: "售后", EN: "After-sales"},
    "pre_sales": {ZH: "售前", EN: "Pre-sales"},
}

DAMAGE_PHOTOS = ("IMG_2031.jpg", "IMG_2032.jpg", "photo_box.jpg", "破损照片1.jpg", "IMG_7719.HEIC")

# --------------------------------------------------------------------------------------------
# Customers
# --------------------------------------------------------------------------------------------

ZH_TAGS = ("学生", "B2B", "投诉敏感", "企业采购", "夜猫子", "宝妈", "海淘用户")
EN_TAGS = ("B2B", "Student", "Prefers email", "Gift buyer", "Wholesale")

ZH_AGENT_NOTES = (
    "老客户，对物流时效比较敏感，优先安排顺丰。",
    "曾因包装破损投诉过一次，发货前请仓库加固包装。",
    "企业采购，每季度下单，发票需开专票。",
    "偏好微信沟通，白天不方便接电话。",
    "客户是宝妈，下午 2-4 点孩子午睡，尽量别打电话。",
    "上次退款延误已补偿 20 元券，态度很好。",
    "多次询问尺码，建议推荐时附尺码表截图。",
)
EN_AGENT_NOTES = (
    "Prefers short answers; has asked twice about invoice format.",
    "Buys gifts around holidays, often asks for gift wrap.",
    "Had a lost parcel in spring, we reshipped. Be extra careful with tracking.",
    "Small business owner, orders in bulk each quarter.",
    "Only reachable by email, never call.",
)

# --------------------------------------------------------------------------------------------
# The customer simulator
# --------------------------------------------------------------------------------------------

SIM_OPENERS: dict[str, tuple[tuple[str, str], ...]] = {
    ZH: (
        ("物流查询", "你好，我上周买的{item}怎么还没到，物流一直不动"),
        ("尺码咨询", "请问{item}尺码准吗？我{height}、{weight}"),
        ("退款进度", "退货寄回去三天了，退款什么时候到账呀"),
        ("商品破损", "收到的{item}外包装破了，里面东西也有划痕，怎么办"),
        ("修改地址", "刚下的单地址写错了，能帮我改一下吗？改到 {new_address}"),
        ("取消订单", "刚才的订单拍错了，麻烦帮我取消一下"),
        ("发票", "请问下单后还能补开发票吗？公司报销用"),
        ("支付失败", "付款一直提示失败，但是银行卡扣钱了"),
        ("退换货", "{item}有点大，想换小一码可以吗"),
        ("优惠券", "我的满减券为什么用不了？"),
        ("账号登录", "收不到验证码，登录不了账号"),
        ("商品咨询", "{item}现在下单今天能发货吗？"),
        ("物流异常", "快递显示派送失败，可是我一直在家啊"),
        ("价保", "刚买的{item}降价了，能退差价吗"),
        ("保修", "{item}用了一个月就坏了，怎么保修"),
    ),
    EN: (
        (
            "Where is my order?",
            "Hi, my {item} still hasn't arrived and tracking hasn't moved in days.",
        ),
        ("Sizing question", "Does the {item} run small? I'm {height}, {weight}."),
        ("Refund status", "I sent my return back last week. When will I get my refund?"),
        ("Damaged item", "My {item} arrived with a cracked corner. What can you do?"),
        (
            "Change address",
            "I need to change the shipping address on the order I just placed to {new_address}.",
        ),
        (
            "Cancel order",
            "Please cancel the order I placed an hour ago, I ordered the wrong colour.",
        ),
        ("Invoice request", "Could I get an invoice with my company name for my last order?"),
        ("Payment failed", "Checkout keeps saying payment failed but my bank shows a charge."),
        ("Exchange", "The {item} is a bit big. Can I swap it for a smaller size?"),
        ("Promo code", "My promo code isn't working at checkout."),
        ("Login problem", "I can't log in, the verification email never arrives."),
        ("Product question", "Is the {item} in stock? Would it ship today?"),
        (
            "Delivery failed",
            "Tracking says delivery attempted but nobody knocked. I was home all day!",
        ),
        ("Price drop", "The {item} I bought went on sale the next day. Can I get the difference?"),
        ("Warranty", "My {item} stopped working after a month. How do I claim warranty?"),
    ),
}

SIM_FOLLOWUPS: dict[str, tuple[str, ...]] = {
    ZH: (
        "还在吗？",
        "补充一下，我昨天也问过一次了",
        "麻烦快点处理一下，谢谢",
        "有结果了吗",
        "我把截图发给你们了",
        "？？？怎么没人理",
        "好的，那我再等等",
    ),
    EN: (
        "Hello, still there?",
        "Adding to my last message: I asked yesterday too.",
        "Any update please?",
        "I've attached a screenshot.",
        "Please hurry, thanks.",
        "OK, I'll wait.",
    ),
}

# What a simulated customer says back when an agent's reply reaches them.
SIM_ANSWERS: dict[str, tuple[str, ...]] = {
    ZH: (
        "好的，谢谢，这样就清楚了",
        "收到，谢谢你！",
        "明白了，那大概什么时候能到？",
        "好的，那需要我再提供什么吗？",
        "谢谢，麻烦你了",
        "那如果明天还没到怎么办？",
    ),
    EN: (
        "Thanks, that helps!",
        "Got it, thank you.",
        "OK. Roughly when will it arrive?",
        "Thanks. Do you need anything else from me?",
        "And what if it has not arrived by tomorrow?",
    ),
}
