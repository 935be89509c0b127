import { NEGATIVE_FEELINGS, OTHER_FEELING_WORDS } from '../read/mood-words';
/**
 * General-purpose synonym sets for customer-support language, used to widen a scope description ("refunds"
 * also covers "money back", "reimbursement"). Each set holds words a customer may use for the same thing;
 * words that mean many things ("status", "back", "check", "where") are kept out so that one generic word
 * cannot pull a whole topic into scope. Abbreviations customers type are included (xfer, acct).
 */
export const SYNONYM_SETS: string[][] = [
  ['account', 'profile', 'acct', 'login', 'signin', 'user', 'username', 'credentials', 'cuenta', 'compte', 'konto', 'conta'],
  ['password', 'passcode', 'pwd', 'contrasena', 'mot de passe', 'passwort', 'senha'],
  ['register', 'registration', 'signup', 'enroll', 'enrol'],
  ['order', 'purchase', 'buy', 'bought', 'checkout', 'cart', 'pedido', 'commande', 'bestellung', 'encomenda', 'compra'],
  [
    'deliver',
    'delivery',
    'shipping',
    'ship',
    'shipment',
    'parcel',
    'package',
    'courier',
    'dispatch',
    'arrive',
    'arrival',
    'transit',
    'envio',
    'livraison',
    'lieferung',
    'entrega',
    'percel',
  ],
  ['track', 'tracking', 'whereabouts', 'rastrear', 'suivi', 'sendungsverfolgung', 'rastreamento'],
  ['delay', 'late', 'delayed', 'overdue', 'retraso', 'retard', 'verspatung', 'atraso'],
  ['address', 'addy', 'pincode', 'zipcode', 'postcode', 'postal', 'direccion', 'adresse', 'endereco'],
  [
    'refund',
    'reimburse',
    'reimbursement',
    'repayment',
    'moneyback',
    'money back',
    'chargeback',
    'reembolso',
    'remboursement',
    'erstattung',
    'ruckerstattung',
  ],
  ['return', 'exchange', 'replace', 'replacement', 'devolucion', 'retour', 'rucksendung', 'devolucao', 'troca'],
  ['invoice', 'bill', 'billing', 'receipt', 'factura', 'facture', 'rechnung', 'fatura'],
  ['card', 'visa', 'mastercard', 'amex', 'debit', 'credit', 'tarjeta', 'carte', 'karte', 'cartao'],
  [
    'pay',
    'payment',
    'paid',
    'paying',
    'charge',
    'charged',
    'installment',
    'autopay',
    'card',
    'paypal',
    'checkout',
    'cod',
    'cash on delivery',
    'pago',
    'paiement',
    'zahlung',
    'pagamento',
  ],
  ['fee', 'fees', 'charges', 'surcharge', 'commission', 'penalty', 'penalties', 'tarifa', 'frais', 'gebuhr', 'taxa'],
  ['price', 'cost', 'prize', 'pricing', 'quote', 'precio', 'prix', 'preis', 'preco'],
  ['cancel', 'cancellation', 'terminate', 'termination', 'cancelar', 'annuler', 'stornieren', 'kundigen'],
  ['subscribe', 'subscription', 'newsletter', 'unsubscribe', 'mailing', 'suscripcion', 'abonnement', 'assinatura'],
  ['complaint', 'complain', 'grievance', 'dissatisfied', 'discontent', 'unhappy', 'queja', 'reclamation', 'beschwerde', 'reclamacao'],
  ['review', 'feedback', 'opinion', 'rating', 'testimonial', 'resena', 'avis', 'bewertung', 'avaliacao'],
  [
    'store',
    'shop',
    'outlet',
    'showroom',
    'branch',
    'retailer',
    'dealer',
    'distributor',
    'franchise',
    'tienda',
    'magasin',
    'geschaft',
    'loja',
  ],
  ['seller', 'sell', 'vendor', 'reseller', 'supplier', 'partner'],
  ['transfer', 'xfer', 'wire', 'remittance', 'send money', 'transferencia', 'virement', 'uberweisung'],
  ['recipient', 'payee', 'beneficiary'],
  ['balance', 'funds', 'saldo', 'solde', 'kontostand'],
  ['bank', 'banking', 'checking', 'savings', 'deposit', 'withdraw', 'withdrawal', 'atm'],
  ['earnings', 'earned', 'income', 'interest'],
  ['fraud', 'fraudulent', 'scam', 'unauthorized', 'unauthorised', 'suspicious', 'stolen', 'hacked', 'fraude', 'betrug'],
  ['freeze', 'frozen', 'block', 'blocked', 'lock', 'locked', 'unlock', 'unblock', 'hold', 'suspend', 'suspended'],
  ['limit', 'maximum', 'max', 'cap'],
  ['apr', 'annual percentage rate'],
  ['reward', 'rewards', 'points', 'redeem', 'cashback', 'miles'],
  ['transaction', 'transactions', 'spending', 'spent', 'spend', 'statement', 'history', 'activity'],
  ['checks', 'checkbook', 'cheque', 'chequebook'],
  ['routing', 'aba', 'sort code', 'iban', 'swift'],
  ['declined', 'decline', 'rejected', 'denied', 'refused', 'turned down'],
  ['expire', 'expired', 'expiration', 'expiry', 'validity'],
  ['pin', 'pincode'],
  ['mattress', 'mattresses', 'bed', 'beds', 'bedding', 'foam', 'orthopedic', 'orthopaedic', 'ortho', 'memory foam', 'matress'],
  ['pillow', 'pillows', 'cushion'],
  ['trial', 'trail', 'try out'],
  ['size', 'sizes', 'dimension', 'dimensions', 'measurement', 'length', 'width', 'thickness', 'inches', 'cm'],
  ['customise', 'customize', 'customisation', 'customization', 'custom', 'bespoke', 'personalize'],
  ['variant', 'variants', 'model', 'models', 'version', 'type', 'types'],
  ['emi', 'installment', 'instalment', 'financing', 'bajaj', 'no cost emi'],
  ['cod', 'cash on delivery'],
  ['offer', 'offers', 'discount', 'coupon', 'promo', 'promotion', 'deal', 'voucher', 'sale', 'descuento', 'remise', 'rabatt', 'desconto'],
  [
    'supplement',
    'supplements',
    'protein',
    'whey',
    'vitamin',
    'vitamins',
    'capsule',
    'capsules',
    'tablet',
    'tablets',
    'nutrition',
    'omega',
    'creatine',
    'multivitamin',
    'gainer',
    'mass gainer',
    'bcaa',
    'preworkout',
    'health',
    'fitness',
    'gym',
    'muscle',
    'weight',
    'workout',
    'bodybuilding',
    'diet',
  ],
  ['recommend', 'recommendation', 'suggest', 'suggestion', 'advice', 'best'],
  ['authentic', 'genuine', 'original', 'fake', 'counterfeit', 'authenticity'],
  ['side effect', 'side effects', 'reaction', 'allergy', 'safe'],
  ['product', 'products', 'item', 'items', 'goods', 'merchandise', 'producto', 'produit', 'produkt', 'produto'],
  ['website', 'site', 'app', 'page', 'portal', 'online'],
  ['error', 'bug', 'crash', 'glitch', 'not working', 'broken', 'troubleshoot'],
  ['promo code', 'coupon code', 'discount code'],
  ['clothing', 'clothes', 'shirt', 'jacket', 'jeans', 'dress', 'apparel', 'shoes'],
  // Returns read from the complaint that starts them.
  [
    'return',
    'damaged',
    'defective',
    'faulty',
    'missing item',
    'item missing',
    'wrong size',
    'wrong item',
    'wrong colour',
    'wrong color',
    'does not fit',
    'doesnt fit',
    'too small',
    'too big',
  ],
  [
    'pay',
    'payment',
    'payment method',
    'billing',
    'bill',
    'fee',
    'fees',
    'apple pay',
    'google pay',
    'paypal',
    'klarna',
    'afterpay',
    'venmo',
    'wallet',
    'gift card',
  ],
  ['confirmation', 'confirmation email', 'order confirmation', 'booking confirmation', 'receipt'],
  ['standing order', 'direct debit', 'dd', 'recurring payment', 'scheduled payment', 'automatic payment', 'autopay', 'mandate'],
  ['overdraft', 'overdrawn', 'negative balance'],
  ['loan', 'loans', 'borrow', 'borrowing', 'lending', 'mortgage', 'remortgage'],
  // Telecoms and internet.
  ['internet', 'broadband', 'wifi', 'wi-fi', 'router', 'modem', 'fibre', 'fiber', 'hotspot', 'connection', 'connectivity', 'dropping'],
  ['signal', 'coverage', 'reception', 'network', 'outage', 'mast', 'no service'],
  ['sim', 'esim', 'sim card'],
  ['roaming', 'abroad', 'overseas'],
  ['port', 'porting', 'keep my number', 'switch provider', 'switching provider', 'pac code'],
  [
    'plan',
    'plans',
    'tariff',
    'bundle',
    'contract',
    'tier',
    'upgrade',
    'downgrade',
    'pro',
    'premium',
    'renewal',
    'renew',
    'subscription',
    'subscriptions',
  ],
  // Travel.
  ['flight', 'flights', 'fly', 'plane', 'airport', 'airline', 'aircraft', 'departure', 'layover', 'ticket', 'tickets', 'itinerary'],
  ['baggage', 'luggage', 'bag', 'bags', 'suitcase', 'carry-on', 'carry on', 'checked bag'],
  ['check-in', 'checkin', 'check in', 'boarding', 'boarding pass', 'gate'],
  [
    'special assistance',
    'wheelchair',
    'disability',
    'disabled',
    'mobility',
    'accessibility',
    'accessible',
    'assistance',
    'infant',
    'baby',
    'child',
    'children',
    'stroller',
    'pram',
  ],
  ['pet', 'pets', 'dog', 'dogs', 'cat', 'cats', 'animal', 'animals', 'service animal'],
  ['seat', 'seats', 'seating', 'aisle', 'window seat', 'legroom'],
  // Health care.
  ['appointment', 'appointments', 'appt', 'consultation', 'checkup', 'check up', 'slot'],
  ['prescription', 'prescriptions', 'meds', 'medication', 'medications', 'medicine', 'refill', 'pills'],
  ['doctor', 'dr', 'gp', 'physician', 'nurse', 'dentist'],
  ['result', 'results', 'test results', 'blood test', 'bloodwork', 'lab', 'labs', 'scan'],
  // Deliveries by people.
  ['driver', 'rider', 'courier', 'delivery', 'deliveries', 'delivery person', 'tip', 'tips', 'gratuity'],
  // What a cable and internet provider sells.
  ['internet', 'broadband', 'wifi', 'connection', 'connect', 'cable', 'tv', 'television', 'channels', 'router', 'modem'],
  // A phone and its parts.
  ['phone', 'mobile', 'iphone', 'smartphone', 'cellphone', 'cell phone', 'handset', 'android', 'screen', 'display'],
  // Food and drink a takeaway sells: a scope naming one dish or drink takes in the others customers order.
  [
    'food',
    'meal',
    'meals',
    'dish',
    'menu',
    'combo',
    'pizza',
    'burger',
    'sandwich',
    'salad',
    'fries',
    'chicken',
    'nuggets',
    'wrap',
    'taco',
    'sides',
    'dessert',
    'desserts',
    'breakfast',
    'big mac',
    'whopper',
    'veggie',
    'pasta',
  ],
  ['drink', 'drinks', 'beverage', 'soda', 'coke', 'pepsi', 'lemonade', 'juice', 'coffee', 'tea', 'shake', 'milkshake', 'smoothie'],
  ['topping', 'toppings', 'cheese', 'onion', 'mushroom', 'pepperoni', 'sauce', 'bacon', 'tomato', 'olives', 'jalapeno', 'extra cheese'],
  // Software and apps.
  ['member', 'members', 'user', 'users', 'teammate', 'teammates', 'team', 'invite', 'collaborator', 'workspace', 'seat'],
  ['notification', 'notifications', 'alert', 'alerts', 'reminder', 'reminders'],
  ['export', 'exporting', 'backup', 'csv', 'import'],
  ['integration', 'integrations', 'integrate', 'sync', 'plugin', 'api', 'webhook'],
];

/**
 * Words that say little about the topic on their own: common verbs and nouns every domain uses. They never
 * make a request out of scope, and alone they do not put one in scope either.
 */
export const GENERIC_WORDS = new Set(
  (
    'change changed changing update updated modify edit set setup add remove delete create make made new old report reported status check checked ' +
    'see view show find look know tell give get send sent receive received take put keep hold start stop restart open close ' +
    'information info detail details question questions problem problems issue issues query help support service services customer ' +
    'time times date day days week weeks month months year years hour hours minute minutes morning evening night tonight tomorrow yesterday ' +
    'number numbers amount much many long soon fast quick quickly late early last next first second third ' +
    'way ways thing things stuff kind sort type option options process procedure policy policies steps step ' +
    'available availability possible able want need like please thanks ok okay yes no sure work working works done complete completed finish ' +
    'happen happened happening going go come came want wanted wish try tried trying use used using able unable ' +
    'list lists order ordered ordering book booked booking schedule scheduled cancel cancelled canceled reason why ' +
    'mine yours person people someone name names place places location area city country home house ' +
    'money cost costs price prices pay paid paying payment free much total whole full part ' +
    'good bad best better worst great nice fine right wrong correct same different other another ' +
    'high low big small large little more less most least enough extra only also even still just ' +
    'higher lower bigger smaller larger better worse daily weekly monthly yearly annual overall usual normal regular standard ' +
    'today now currently current recent recently latest ago since until till before after during ' +
    'call email message phone contact chat talk speak item items product products related regarding concerning query queries inquiry ' +
    'lose losing lost guess mean means meant compare comparison fail failed failing error errors ' +
    'accept accepted allow allowed provide provided include included apply applied choose select pick enter fill submit click press ' +
    'ask asked asking wonder wondering inquire explain explained understand learn read write wrote written answer answered reply ' +
    'download upload print save sign log visit reach reached move moved keep kept bring brought leave left ' +
    'resend resent redo retry switch switched switching taken took back gimme lemme ' +
    'search searching searched discover reserve reserved browse inform informed previous ' +
    'remember remembered recall forget forgot forgotten once twice again ' +
    'dollar dollars buck bucks euro euros pound pounds cent cents quid usd eur gbp inr rs rupee rupees ' +
    // How the customer feels says nothing about what they ask for.
    [...NEGATIVE_FEELINGS, ...OTHER_FEELING_WORDS].join(' ')
  ).split(/\s+/),
);

/** Words with no topic at all: greetings, fillers, chat noise. */
export const NEUTRAL_WORDS = new Set(
  (
    'hello hallo hola hi hey bonjour salut ola oi guten tag morning afternoon evening bye goodbye thx ty cheers regards um uh hmm ' +
    'sir madam dear guys please pls plz thanks thank sorry excuse pardon ok okay yes yeah yep no nope alright fine great cool ' +
    'bot robot human agent assistant you u ur ya wan wana plz pls cud wud shud ' +
    'exactly really actually currently quickly immediately recently basically literally totally completely finally probably definitely ' +
    'simply directly urgently seriously honestly properly correctly already anyway somehow ' +
    // Text-speak: laughs, interjections, "i don't know", "never mind".
    'lol lmao rofl omg idk nvm np jk tbh smh brb gtg ttyl afk bruh haha hehe oops whoops ugh meh yay wow huh hmm aww xd'
  ).split(/\s+/),
);
