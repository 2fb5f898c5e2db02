/// Declares an enum that travels as a string and is *open*: a value this version does not know
/// becomes `Unknown` instead of failing the whole response, as the contract requires.
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value newer than this client: shown as "unknown", never a crash.
            Unknown,
        }

        impl $name {
            /// Every value this version knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as it travels on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown => "unknown",
                }
            }

            /// Reads a wire value; anything unrecognised is `Unknown`.
            pub fn parse(wire: &str) -> Self {
                match wire {
                    $( $wire => $name::$variant, )+
                    _ => $name::Unknown,
                }
            }

            /// Reads a wire value strictly, for servers validating input.
            pub fn parse_known(wire: &str) -> Option<Self> {
                match Self::parse(wire) {
                    $name::Unknown => None,
                    known => Some(known),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let wire = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::parse(&wire))
            }
        }
    };
}
