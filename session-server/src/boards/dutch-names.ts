// Data, not logic: common first names and surnames in the Netherlands, as students and teachers
// carry them (Dutch, Moroccan, Turkish, Surinamese, Antillean, Polish, Syrian, Ukrainian, ...).
// Written from general knowledge, not copied from a register; add names freely. Write a name as
// people spell it (accents, "van der"); flags.ts folds case and accents itself.
//
// A name that is also an ordinary word ("ik ben", "max 2 mensen", "bij de bakker") belongs in
// NAMES_THAT_ARE_WORDS, never in the other two lists: those are matched in any case, anywhere.

/** First names matched in any case, anywhere: "kevin uit 3b", "KEVIN doet dat". */
export const FIRST_NAMES: readonly string[] = [
  // Dutch, boys
  'Daan', 'Sem', 'Milan', 'Levi', 'Luuk', 'Lucas', 'Liam', 'Noah', 'Finn', 'Jesse', 'Thijs', 'Bram',
  'Lars', 'Tim', 'Sam', 'Ruben', 'Thomas', 'Stijn', 'Jayden', 'Mees', 'Julian', 'Gijs', 'Thom', 'Tijn',
  'Teun', 'Jens', 'Ties', 'Siem', 'Hugo', 'Mats', 'Guus', 'Olivier', 'Noud', 'Jurre', 'Floris',
  'Pepijn', 'Niels', 'Joep', 'Koen', 'Rick', 'Jasper', 'Nick', 'Tom', 'Kevin', 'Dylan', 'Wessel',
  'Mike', 'Dave', 'Tygo', 'Timo', 'Robin', 'Jelle', 'Sven', 'Roy', 'Jordy', 'Jorn', 'Bart', 'Joris',
  'Youri', 'Dex', 'Boaz', 'Cas', 'Rens', 'Stan', 'Mick', 'Vince', 'Nathan', 'Ryan', 'Damian',
  'Fabian', 'Sebastiaan', 'Laurens', 'Maarten', 'Martijn', 'Wouter', 'Dennis', 'Mark', 'Daniël',
  'David', 'Jeroen', 'Sander', 'Arjan', 'Erik', 'Henk', 'Hans', 'Kees', 'Wim', 'Willem', 'Pieter',
  'Hendrik', 'Johan', 'Gerard', 'Paul', 'Bert', 'Ruud', 'Ron', 'René', 'Marco', 'Patrick', 'Vincent',
  'Martin', 'Edwin', 'Marcel', 'Michel', 'Richard', 'Robert', 'Dirk', 'Rik', 'Roel', 'Gert', 'Jop',
  'Jip', 'Pim', 'Otto', 'Ivo', 'Joost', 'Niek', 'Wout', 'Rutger', 'Olaf', 'Jelmer', 'Sjoerd',
  // Dutch, girls
  'Emma', 'Sophie', 'Julia', 'Lotte', 'Eva', 'Lisa', 'Anna', 'Tess', 'Sara', 'Sarah', 'Fleur', 'Isa',
  'Noa', 'Zoë', 'Mila', 'Lieke', 'Evi', 'Nina', 'Sanne', 'Femke', 'Fenna', 'Lynn', 'Anouk', 'Britt',
  'Sophia', 'Saar', 'Lina', 'Yara', 'Liv', 'Noor', 'Nora', 'Olivia', 'Elin', 'Maud', 'Luna', 'Amber',
  'Esmee', 'Demi', 'Kim', 'Romy', 'Lara', 'Floor', 'Jade', 'Vera', 'Hanna', 'Bente', 'Linde', 'Sterre',
  'Fay', 'Isabel', 'Isabella', 'Charlotte', 'Elise', 'Amy', 'Jill', 'Ilse', 'Laura', 'Manon', 'Kelly',
  'Melissa', 'Kimberly', 'Michelle', 'Naomi', 'Esther', 'Marit', 'Myrthe', 'Nienke', 'Suze', 'Veerle',
  'Tara', 'Maartje', 'Anne', 'Loes', 'Evy', 'Annemieke', 'Marieke', 'Ingrid', 'Monique',
  'Petra', 'Karin', 'Linda', 'Saskia', 'Marloes', 'Mirjam', 'Miriam', 'Wilma', 'Judith', 'Anja',
  'Hanneke', 'Mieke', 'Marjolein', 'Nicole', 'Ellen', 'Annelies', 'Inge', 'Carla', 'Els', 'Tessa',
  'Ria', 'Yvonne', 'Astrid', 'Janneke', 'Renske', 'Eline', 'Jikke', 'Marije',
  // Moroccan and Arabic
  'Mohammed', 'Mohamed', 'Muhammed', 'Muhammad', 'Mohammad', 'Mohamad', 'Ahmed', 'Ahmad', 'Fatima',
  'Fatma', 'Ayoub', 'Youssef', 'Yousef', 'Ilias', 'Ilyas', 'Amir', 'Omar', 'Bilal', 'Hamza', 'Ali',
  'Adam', 'Rayan', 'Zakaria', 'Anas', 'Ayman', 'Soufiane', 'Mustafa', 'Ibrahim', 'Ismail', 'Mounir',
  'Tarik', 'Karim', 'Rachid', 'Abdel', 'Abdelkader', 'Nordin', 'Othman', 'Badr', 'Marouane',
  'Khadija', 'Salma', 'Imane', 'Aya', 'Nour', 'Nadia', 'Samira', 'Yasmina', 'Yasmine', 'Yasmin',
  'Malak', 'Hajar', 'Sanae', 'Loubna', 'Ikram', 'Hafsa', 'Maryam', 'Mariam', 'Meryem', 'Layla', 'Leila',
  'Hiba', 'Douae', 'Chaimae', 'Soukaina', 'Khalid', 'Khaled', 'Mahmoud', 'Hassan', 'Hussein', 'Yazan',
  'Rami', 'Ammar', 'Majd', 'Karam', 'Tarek', 'Ziad', 'Fares', 'Rana', 'Rawan', 'Tala', 'Sidra', 'Lujain',
  'Ranim', 'Joud', 'Rima', 'Amal', 'Mahdi', 'Taha', 'Yasin', 'Zahra',
  // Turkish
  'Mehmet', 'Emre', 'Yusuf', 'Ayşe', 'Zeynep', 'Elif', 'Esra', 'Merve', 'Büşra', 'Ecem', 'Irem', 'Selin',
  'Yasemin', 'Ebru', 'Hatice', 'Emine', 'Defne', 'Aylin', 'Beyza', 'Ilayda', 'Zehra', 'Eylül', 'Ahmet',
  'Murat', 'Burak', 'Kerem', 'Furkan', 'Enes', 'Berkay', 'Deniz', 'Ozan', 'Barış', 'Arda', 'Efe', 'Kaan',
  'Umut', 'Onur', 'Serkan', 'Tolga', 'Cem', 'Ömer', 'Hüseyin', 'Halil', 'Mert', 'Berat',
  'Yunus', 'Emir', 'Emirhan', 'Yiğit', 'Oğuz', 'Alperen',
  // Surinamese, Antillean, Hindustani, Indonesian
  'Shanice', 'Jaylen', 'Jaydon', 'Dwayne', 'Quincy', 'Romano', 'Giovanni', 'Jurgen', 'Tyrone', 'Jamal',
  'Rivaldo', 'Xavier', 'Djamila', 'Shakira', 'Kimberley', 'Priscilla', 'Roxanne', 'Desiree', 'Sharon',
  'Melvin', 'Jeffrey', 'Gino', 'Shirley', 'Kenneth', 'Chantal', 'Jerrel', 'Jeremy', 'Jaimy', 'Jairo',
  'Naomie', 'Shaquille', 'Priya', 'Anjali', 'Kavita', 'Ravi', 'Anil', 'Rohan', 'Vishal', 'Rajesh',
  'Sunita', 'Dewi', 'Putri', 'Indra',
  // Polish
  'Kacper', 'Jakub', 'Szymon', 'Bartosz', 'Bartek', 'Mateusz', 'Dawid', 'Kamil', 'Piotr', 'Paweł',
  'Krzysztof', 'Tomasz', 'Michał', 'Dominik', 'Patryk', 'Wojciech', 'Mikołaj', 'Oliwia', 'Wiktoria',
  'Zuzanna', 'Zofia', 'Alicja', 'Maja', 'Agnieszka', 'Katarzyna', 'Natalia', 'Magda',
  // Ukrainian, Eritrean, Somali, Afghan and more
  'Olena', 'Oksana', 'Anastasia', 'Sofiia', 'Daria', 'Polina', 'Dmytro', 'Oleksandr', 'Artem', 'Maksym',
  'Bohdan', 'Nikita', 'Yonas', 'Filmon', 'Semhar', 'Abdi', 'Hodan', 'Ayaan', 'Farid', 'Hamid',
];

/** Surnames matched in any case, anywhere; several words must appear together ("de jong"). */
export const SURNAMES: readonly string[] = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van de Berg', 'van Dijk', 'Janssen', 'Smit',
  'Meijer', 'Meyer', 'Mulder', 'de Groot', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'Dijkstra', 'Smits', 'van der Meer', 'van der Linden', 'Jacobs', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruyn', 'van der Heijden', 'Schouten', 'van Beek',
  'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Verhoeven', 'van Dam', 'Blom',
  'Peeters', 'Kuipers', 'van der Wal', 'Postma', 'Kramer', 'van Veen', 'van der Laan', 'Timmermans',
  'Evers', 'van den Bosch', 'Wouters', 'Hermans', 'Bosman', 'Gerritsen', 'van Dongen',
  'Verbeek', 'Claassen', 'Kuijpers', 'Pietersen', 'Verhagen', 'Scholten', 'Lammers', 'Boersma',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
  'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat',
  'El Amrani', 'El Idrissi', 'El Khattabi', 'Benali', 'El Hamdaoui', 'Bakkali', 'El Bouzidi', 'Ouali',
  'El Khatib', 'El Moussaoui', 'Boukhari', 'Chaoui', 'El Azzouzi', 'Tahiri', 'El Ouazzani', 'Azzouz',
  'El Haddaoui', 'Ahmadi', 'Bouzid', 'Ait Taleb', 'Abdellaoui', 'Ouahabi',
  'Ramdin', 'Ramcharan', 'Mahabier', 'Jagesar', 'Biharie', 'Sewdien', 'Pinas', 'Maduro', 'Isenia',
  'Rosaria', 'Winklaar', 'Cijntje', 'Martina',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński',
  'Szymański', 'Woźniak', 'Nguyen', 'Tran', 'Chen', 'Zhang', 'Al-Ahmad', 'Haddad', 'Khalil',
];

/**
 * Names that are also words people write: matched only when Capitalised mid-sentence, or right
 * after "meneer", "juf" and the like. Never lower case on their own: "ik ben", "max 2", "de bakker".
 */
export const NAMES_THAT_ARE_WORDS: readonly string[] = [
  // First names
  'Ben', 'Max', 'Roos', 'Iris', 'Bas', 'Jan', 'Job', 'Rob', 'Frank', 'Peter', 'Piet', 'Lieve', 'Harm', 'Joke',
  'Merel', 'Jasmijn', 'Puck', 'Jet', 'Lot', 'Rosa', 'Rose', 'Storm', 'Sari', 'Can', 'Said', 'Iman',
  'Amin', 'Zara', 'Ole', 'Mercy', 'Hope', 'April', 'Bo', 'Eren',
  // Surnames
  'Bos', 'Visser', 'de Boer', 'Boer', 'Mol', 'Post', 'Groen', 'de Kok', 'Prins', 'Maas', 'Vink',
  'Koning', 'de Wit', 'de Graaf', 'de Haan', 'de Bruin', 'de Lange', 'de Ruiter', 'van Wijk',
  'van Loon', 'Schipper', 'Molenaar', 'de Vos', 'Vos', 'Koster', 'Bakker', 'Kok', 'Wang', 'Berg', 'Dijk',
  'Meer', 'Jong', 'de Jonge', 'Huisman',
];
