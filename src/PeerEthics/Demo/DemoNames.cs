namespace PeerEthics.Demo;

/// <summary>
/// Names for demo people: common and less common given names and family names from many places, with accents,
/// apostrophes, hyphens and particles, so the registry's search meets the names real programs have.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] Given =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
        "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
        "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
        "José", "María", "Jesús", "Lucía", "Ramón", "Sofía", "Andrés", "Inés", "Martín", "Ángel",
        "Renée", "Zoë", "Chloé", "Noémie", "Hélène", "François", "Jérôme", "Benoît", "Anaïs", "Loïc",
        "Søren", "Björn", "Åsa", "Jürgen", "Günter", "Jörg", "Małgorzata", "Łukasz", "Wojciech", "Zoltán",
        "Siobhán", "Seán", "Niamh", "Aoife", "Pádraig", "Eoghan", "Caoimhe", "Ciarán", "Róisín", "Bríd",
        "Nguyễn", "Thảo", "Minh", "Huong", "Wei", "Mei", "Hiroshi", "Yuki", "Ji-woo", "Min-jun",
        "Aaliyah", "Malik", "Imani", "DeShawn", "Keisha", "Tyrone", "Jamal", "Latoya", "Darnell", "Ebony",
        "Fatima", "Mohammed", "Aisha", "Omar", "Layla", "Yusuf", "Priya", "Arjun", "Ananya", "Rohan",
        "Mary-Jane", "Jean-Luc", "Anne-Marie", "Jean-Pierre", "Marie-Claire", "Kwame", "Ama", "Chidi", "Ngozi", "Oluwaseun",
        "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Sam",
    ];

    public static readonly string[] Family =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
        "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Núñez",
        "O'Brien", "O'Connor", "O'Neill", "McCarthy", "MacDonald", "Ó Súilleabháin", "Ní Bhriain", "D'Angelo", "D'Souza", "Dell'Aquila",
        "Müller", "Schäfer", "Größe", "Böhm", "Köhler", "Jäger", "Weiß", "Østergaard", "Ångström", "Sørensen",
        "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Kim", "Park", "Choi", "Tanaka", "Watanabe",
        "Wang", "Li", "Zhang", "Chen", "Liu", "Singh", "Patel", "Sharma", "Gupta", "Khan",
        "Dvořák", "Nováková", "Wiśniewski", "Wójcik", "Kowalczyk", "Łukasiewicz", "Szabó", "Kovács", "Tóth", "Horváth",
        "Smith-Jones", "Garcia-Lopez", "Lloyd-Webber", "Bonham-Carter", "Okafor", "Adeyemi", "Mensah", "Boateng", "Diallo", "Touré",
        "van der Berg", "de la Cruz", "da Silva", "dos Santos", "von Trapp", "Le Blanc", "St. John", "Fitzgerald", "Ferreira", "Gonçalves",
        "Begay", "Yazzie", "Tsosie", "Whitehorse", "Redcloud", "Two Bears", "Running Water", "Kealoha", "Kahananui", "Makoa",
    ];

    /// <summary>Names people go by instead of their legal given name.</summary>
    public static readonly string[] Preferred =
    [
        "Bobby", "Liz", "Beth", "Kate", "Mike", "Dave", "Bill", "Jim", "Pepe", "Lupe",
        "Chuy", "Nacho", "Paco", "Sasha", "Kit", "Max", "Sky", "River", "Rae", "Jo",
        "Nico", "Dani", "Frankie", "Charlie", "Lou", "Ronnie", "Teddy", "Bea", "Gigi", "Manny",
    ];
}
