# expect: wrong_answer classic_round_trips
# Stores the tree on the instance and returns it from deserialize: a new Codec has nothing to give back.
class Codec:
    def __init__(self):
        self.root = None

    def serialize(self, root):
        self.root = root
        return "tree"

    def deserialize(self, data):
        return self.root
